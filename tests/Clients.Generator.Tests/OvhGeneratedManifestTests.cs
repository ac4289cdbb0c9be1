using System.Text.Json;
using System.Text.RegularExpressions;
using Clients.Ovh;

namespace Clients.Generator.Tests;

/// <summary>
/// The manifests the generator emitted into Clients.Ovh for the RegenClients interfaces, against the rule set computed
/// here, independently, from the OVH documents the interfaces were generated from (every path and verb, path
/// parameters as <c>*</c>).
/// </summary>
public sealed partial class OvhGeneratedManifestTests
{
    private static readonly string[] Verbs = ["get", "post", "put", "delete", "patch"];

    [Theory]
    [InlineData("me.json", typeof(IOvhMeApi))]
    [InlineData("domain.json", typeof(IOvhDomainApi))]
    public void Rules_of_the_generated_interface_equal_the_documents_paths_and_verbs(string document, Type api)
    {
        var expected = ExpectedRules(Path.Combine(CommittedOvhSpecs(), "v1", document));

        var rules = OvhAccessRules.For(api);

        expected.Should().NotBeEmpty();
        rules.Select(r => (r.Method, r.Path)).Should().BeEquivalentTo(expected);
        rules.Should().OnlyHaveUniqueItems();
        rules.Select(r => r.Path + " " + r.Method).Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void V2_rules_keep_their_v2_prefix()
    {
        var rules = OvhAccessRules.For<IOvhV2IamApi>();

        rules.Should().NotBeEmpty().And.OnlyContain(r => r.Path.StartsWith("/v2/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_union_of_generated_interfaces_merges_them()
    {
        var union = OvhAccessRules.For(typeof(IOvhMeApi), typeof(IOvhDomainApi));

        union.Should().HaveCount(OvhAccessRules.For<IOvhMeApi>().Union(OvhAccessRules.For<IOvhDomainApi>()).Count());
    }

    private static HashSet<(string Method, string Path)> ExpectedRules(string document)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(document));
        var rules = new HashSet<(string, string)>();
        foreach (var path in json.RootElement.GetProperty("paths").EnumerateObject())
        {
            var rulePath = Parameter().Replace(path.Name, "*");
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (Verbs.Contains(operation.Name))
                {
                    rules.Add((operation.Name.ToUpperInvariant(), rulePath));
                }
            }
        }

        return rules;
    }

    /// <summary>The repository's <c>specs/ovh</c>: the documents the interfaces were generated from.</summary>
    private static string CommittedOvhSpecs()
    {
        var directory = Clients.Testing.TestRepository.Path("specs", "ovh");
        Directory.Exists(directory).Should().BeTrue($"the committed OVH documents are in {directory}");
        return directory;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}

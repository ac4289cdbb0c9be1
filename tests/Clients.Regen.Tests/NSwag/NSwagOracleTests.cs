using Clients.Regen.Model;
using Clients.Testing;
using Xunit.Abstractions;

namespace Clients.Regen.Tests.NSwag;

/// <summary>
/// NSwag as an oracle over the committed documents (specs/ovh, specs/optimum, specs/origami): our contracts agree with
/// NSwag's DTOs on property names, JSON names, nullability and enum value sets, except where nswag-divergences.txt
/// says why not. The catalogue project runs the same comparison over every universe of the spec mirror.
/// </summary>
public sealed class NSwagOracleTests(ITestOutputHelper output)
{
    [Fact]
    public Task Committed_documents_agree_with_NSwag_except_the_listed_divergences() =>
        OracleRun.AssertOnlyListedDivergencesAsync(CommittedDocuments(), output);

    /// <summary>
    /// The composition shapes (a discriminated base and its <c>allOf</c> subtypes, an <c>allOf</c> without discriminator,
    /// a <c>oneOf</c> without one): same hierarchy (base class, discriminator) and the same properties, inherited ones
    /// included, as NSwag's DTOs.
    /// </summary>
    [Fact]
    public Task The_shapes_fixture_has_NSwag_s_hierarchy_except_the_listed_divergences() =>
        OracleRun.AssertOnlyListedDivergencesAsync([ShapesDocument()], output);

    internal static (ProviderDefinition Provider, SpecInput Input) ShapesDocument() =>
        (Providers.Optimum, Read("shapes", TestRepository.Path("tests", "Clients.Regen.Tests", "Fixtures", "polymorphism.json")));

    [Fact]
    public async Task An_unlisted_divergence_and_a_stale_entry_both_fail()
    {
        var lines = (await File.ReadAllLinesAsync(DivergenceFile.DefaultPath)).ToList();
        var listed = lines.FindIndex(l => l.StartsWith("kind ovh:*#any ", StringComparison.Ordinal));
        listed.Should().BeGreaterThanOrEqualTo(0, "the file lists OVH's 'any' schema");
        var document = CommittedDocuments().Where(d => d.Input.Key == "v2/iam").ToList();
        var temporary = Path.GetTempFileName();
        try
        {
            // The entry removed: the divergence it explained is reported.
            await File.WriteAllLinesAsync(temporary, lines.Where((_, i) => i != listed));
            var unlisted = async () => await OracleRun.AssertOnlyListedDivergencesAsync(document, output, temporary);
            (await unlisted.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("kind ovh:v2/iam#any");

            // An entry for a divergence that does not occur: reported as stale.
            await File.WriteAllLinesAsync(temporary, lines.Append("nullability ovh:v2/iam#iam.Policy.name -- made up"));
            var stale = async () => await OracleRun.AssertOnlyListedDivergencesAsync(document, output, temporary);
            (await stale.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("stale").And.Contain("iam.Policy.name");
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    internal static IReadOnlyList<(ProviderDefinition Provider, SpecInput Input)> CommittedDocuments()
    {
        var ovh = TestRepository.Path("specs", "ovh");
        var documents = new List<(ProviderDefinition, SpecInput)>
        {
            (Providers.Optimum, Read("swagger", TestRepository.Path("specs", "optimum", "swagger.json"))),
            (Providers.Origami, Read("openapi", TestRepository.Path("specs", "origami", "openapi.json"))),
        };
        foreach (var version in new[] { "v1", "v2" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(ovh, version), "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                documents.Add((Providers.Ovh, Read(Path.ChangeExtension(Path.GetRelativePath(ovh, file), null).Replace('\\', '/'), file)));
            }
        }

        return documents;
    }

    private static SpecInput Read(string key, string path) => new(key, path, File.ReadAllBytes(path));
}

using Clients.Regen.Emit;
using Clients.Regen.Model;

namespace Clients.Regen.Tests;

/// <summary>
/// The generated code for a small fixture document, compared with committed baselines in <c>Golden/</c>.
/// Set <c>UPDATE_GOLDEN=1</c> to rewrite the baselines after an intended change, then review the diff.
/// </summary>
public sealed class GoldenTests
{
    private static SortedDictionary<string, string> Generate() =>
        ClientEmitter.Emit(Providers.Ovh, [new SpecInput("v1/fixture", "fixture.json", File.ReadAllBytes(TempRepository.Fixture))]);

    [Fact]
    public void Generated_code_for_the_fixture_matches_the_committed_baselines()
    {
        var files = Generate();
        GoldenFiles.ShouldMatch(files, "Golden");
    }

    [Fact]
    public void Generated_code_for_the_fixture_compiles_without_diagnostics()
    {
        var (diagnostics, _) = InMemoryCompiler.Compile(Generate());

        diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Fixture_shows_the_naming_typing_and_documentation_rules()
    {
        var files = Generate();
        var api = files["IOvhFixtureApi.g.cs"];
        api.Should().Contain("[global::Clients.Ovh.OvhApi]")
            .And.Contain("GetFixtureZoneRecordAsync(string zoneName, long id, global::System.Threading.CancellationToken cancellationToken = default)")
            .And.Contain("ListFixtureZoneRecordAsync(string zoneName,")
            .And.Contain("[global::Refit.AliasAs(\"date.from\")] global::System.DateTimeOffset? dateFrom = default")
            .And.NotContain("Format = ")
            .And.Contain("[global::Refit.Post(\"/fixture/zone/{zoneName}/task/{taskId}/relaunch\")]")
            .And.Contain("PostFixtureZoneTaskRelaunchAsync(string zoneName, string taskId, global::System.Threading.CancellationToken cancellationToken = default)")
            .And.Contain("[global::Refit.Query(global::Refit.CollectionFormat.Multi)] global::System.Collections.Generic.IReadOnlyList<string>? tags = default")
            .And.Contain("[global::System.Obsolete(\"Deprecated by the provider since 2025-01-01T00:00:00Z.\")]")
            .And.Contain("global::Clients.Ovh.Models.PostFixtureZoneRecordRequest body");
        var models = files["Models/Fixture.g.cs"];
        models.Should().Contain("public sealed partial class FixtureZone")
            .And.Contain("public string Name { get; set; } = default!;")
            .And.Contain("public global::System.DateTimeOffset? LastUpdate { get; set; }")
            .And.Contain("public global::Clients.Ovh.Models.FixtureContact? Owner { get; set; }")
            .And.Contain("public string? FirstName { get; set; }")
            .And.Contain("public string? Firstname { get; set; }")
            .And.Contain("[global::System.Text.Json.Serialization.JsonExtensionData]")
            .And.Contain("public readonly partial struct FixturePriorityEnum : global::Clients.Core.Wire.IIntegerEnum<FixturePriorityEnum>")
            .And.Contain("public static FixturePriorityEnum ValueMinus1 { get; } = new(-1);");
        files["Models/Fixture.Zone.g.cs"].Should().Contain("public static FixtureZoneRecordTypeEnum CaaIssue { get; } = new(\"caa-issue\");")
            .And.Contain("global::Clients.Core.Wire.StringEnumJsonConverter<FixtureZoneRecordTypeEnum>")
            .And.NotContain("public enum ");
        files["OvhJsonSerializerContext.g.cs"].Should().Contain("public partial class OvhJsonSerializerContext");
    }
}

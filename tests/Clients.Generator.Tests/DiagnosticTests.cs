using Clients.Generator.Tests.Fixtures;
using Clients.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Clients.Generator.Tests;

public sealed class DiagnosticTests
{
    [Theory]
    [InlineData("CLG001", nameof(DiagnosticSources.TwoProviders), "ITwoProvidersApi")]
    [InlineData("CLG002", nameof(DiagnosticSources.NoHttpAttribute), "ForgottenAsync")]
    [InlineData("CLG003", nameof(DiagnosticSources.BadRulePath), "Refit.Get(\"/files/{name}.json\")")]
    [InlineData("CLG004", nameof(DiagnosticSources.Unreachable), "IHiddenApi")]
    [InlineData("CLG004", nameof(DiagnosticSources.Generic), "IGenericApi")]
    [InlineData("CLG005", nameof(DiagnosticSources.MissingPackage), "ContosoApi")]
    public void Each_diagnostic_is_reported_at_the_offending_code(string id, string fixture, string locatedText)
    {
        var source = Source(fixture);
        var diagnostics = Generate(source);

        var diagnostic = diagnostics.Should().ContainSingle(d => d.Id == id).Subject;
        diagnostic.Location.GetLineSpan().Path.Should().Be("Fixture.cs");
        source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length).Should().Be(locatedText);
        diagnostics.Where(d => d.Id.StartsWith("CLG", StringComparison.Ordinal)).Should().HaveCount(1);
    }

    [Theory]
    [InlineData(nameof(DiagnosticSources.OneProvider))]
    [InlineData(nameof(DiagnosticSources.WithHttpAttribute))]
    [InlineData(nameof(DiagnosticSources.GoodRulePath))]
    [InlineData(nameof(DiagnosticSources.BadPathWithoutRules))]
    [InlineData(nameof(DiagnosticSources.Reachable))]
    [InlineData(nameof(DiagnosticSources.PackagePresent))]
    [InlineData(nameof(DiagnosticSources.Good))]
    public void Correct_code_gets_no_diagnostic(string fixture)
    {
        var compilation = GeneratorHarness.Compile(("Fixture.cs", Source(fixture)));
        var (_, output, result) = GeneratorHarness.Run(compilation);

        result.Diagnostics.Should().BeEmpty();
        GeneratorHarness.Problems(output).Should().BeEmpty();
    }

    [Fact]
    public void Severities_follow_the_table()
    {
        Generate(DiagnosticSources.AllBad).Where(d => d.Id.StartsWith("CLG", StringComparison.Ordinal))
            .Select(d => (d.Id, d.Severity)).Should().BeEquivalentTo(new[]
            {
                ("CLG001", DiagnosticSeverity.Error),
                ("CLG002", DiagnosticSeverity.Warning),
                ("CLG003", DiagnosticSeverity.Warning),
                ("CLG004", DiagnosticSeverity.Error),
                ("CLG005", DiagnosticSeverity.Error),
            });
    }

    [Fact]
    public void Diagnostics_do_not_stop_other_interfaces_from_being_generated()
    {
        var compilation = GeneratorHarness.Compile(("Bad.cs", DiagnosticSources.AllBad), ("Good.cs", DiagnosticSources.Good));
        var (_, _, result) = GeneratorHarness.Run(compilation);

        result.Diagnostics.Select(d => d.Id).Should().BeEquivalentTo("CLG001", "CLG002", "CLG003", "CLG004", "CLG005");
        var sources = GeneratorHarness.Sources(result);
        // IGoodApi is implemented by the generator; INoVerbApi (a method without a verb) keeps Refit's stub.
        sources["Optimum.Clients.g.cs"].Should().Contain("builder.AddClient<global::IGoodApi>(static (client, settings) => new global::Clients.Generated.GeneratedIGoodApiClient(client, settings));")
            .And.Contain("builder.AddClient<global::INoVerbApi>();");
        sources.Should().ContainKey("Optimum.GeneratedIGoodApiClient.g.cs").And.NotContainKey("Optimum.GeneratedINoVerbApiClient.g.cs");
        sources["Ovh.Clients.g.cs"].Should().Contain("builder.AddClient<global::IBadRuleApi>(");
        sources["Ovh.AccessRules.g.cs"].Should().Contain("\"GetOtherAsync\", \"GET\", \"/files/*\"").And.NotContain("\"GetAsync\"");
        string.Concat(sources.Values).Should().NotContain("ITwoProvidersApi").And.NotContain("IHiddenApi").And.NotContain("IContosoThingsApi");
    }

    private static string Source(string fixture) =>
        (string)typeof(DiagnosticSources).GetField(fixture)!.GetValue(null)!;

    private static IReadOnlyList<Diagnostic> Generate(string source)
    {
        var (_, _, result) = GeneratorHarness.Run(GeneratorHarness.Compile(("Fixture.cs", source)));
        return result.Diagnostics;
    }
}

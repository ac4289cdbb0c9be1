using Clients.Generator.Tests.Fixtures;
using Clients.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Clients.Generator.Tests;

/// <summary>
/// A <c>[ClientProvider]</c> declaration the generator cannot read is reported at the declaration, naming what is
/// wrong, instead of being dropped (its interfaces silently unregistered) or failing inside generated code.
/// </summary>
public sealed class ProviderDeclarationTests
{
    [Theory]
    [InlineData(nameof(ProviderDeclarationSources.NameNotIdentifier), "CLG007", "\"Acme Corp\"", "Clients.Core.ClientProvider(\"Acme Corp\", typeof(AcmeHook), typeof(AcmeOptions))")]
    [InlineData(nameof(ProviderDeclarationSources.NameNull), "CLG007", "null", "Clients.Core.ClientProvider(null, typeof(AcmeHook), typeof(AcmeOptions))")]
    [InlineData(nameof(ProviderDeclarationSources.HookNotAClass), "CLG008", "the registration hook is int[], a array", "Clients.Core.ClientProvider(\"Acme\", typeof(int[]), typeof(AcmeOptions))")]
    [InlineData(nameof(ProviderDeclarationSources.HookNull), "CLG008", "the registration hook is null", "Clients.Core.ClientProvider(\"Acme\", null, typeof(AcmeOptions))")]
    [InlineData(nameof(ProviderDeclarationSources.OptionsOpenGeneric), "CLG008", "the options type is the open generic", "Clients.Core.ClientProvider(\"Acme\", typeof(AcmeHook), typeof(System.Collections.Generic.List<>))")]
    [InlineData(nameof(ProviderDeclarationSources.HookWithoutRegistration), "CLG009", "there is no member named 'Registration'", ProviderDeclarationSources.Declaration)]
    [InlineData(nameof(ProviderDeclarationSources.RegistrationNotStatic), "CLG009", "it is not static", ProviderDeclarationSources.Declaration)]
    [InlineData(nameof(ProviderDeclarationSources.RegistrationOfOtherOptions), "CLG009", "its type is Clients.Core.ClientProviderRegistration<OtherOptions>", ProviderDeclarationSources.Declaration)]
    [InlineData(nameof(ProviderDeclarationSources.RegistrationIsAField), "CLG009", "'Registration' is a field, not a property", ProviderDeclarationSources.Declaration)]
    public void A_malformed_declaration_is_reported_at_its_attribute_naming_what_is_wrong(string fixture, string id, string named, string locatedText)
    {
        var source = Source(fixture);
        var (_, output, result) = GeneratorHarness.Run(GeneratorHarness.Compile(("Fixture.cs", source)));

        var diagnostic = result.Diagnostics.Should().ContainSingle(d => d.Id.StartsWith("CLG", StringComparison.Ordinal)).Subject;
        diagnostic.Id.Should().Be(id);
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Should().Contain(named);
        var located = source.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length);
        located.Should().Be(locatedText.Trim('[', ']'));

        // Nothing is generated for the provider, so the user's build fails on the diagnostic, not inside generated code.
        GeneratorHarness.Sources(result).Keys.Should().NotContain(k => k.StartsWith("Acme.", StringComparison.Ordinal));
        output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath != "Fixture.cs")
            .Should().BeEmpty("generated code must not fail to compile");
    }

    [Fact]
    public void The_well_formed_declaration_gets_no_diagnostic_and_its_interfaces_are_registered()
    {
        var (_, output, result) = GeneratorHarness.Run(GeneratorHarness.Compile(("Fixture.cs", ProviderDeclarationSources.WellFormed)));

        result.Diagnostics.Should().BeEmpty();
        GeneratorHarness.Problems(output).Should().BeEmpty();
        GeneratorHarness.Sources(result)["Acme.Clients.g.cs"].Should().Contain("global::IAcmeThingsApi");
    }

    private static string Source(string fixture) =>
        (string)typeof(ProviderDeclarationSources).GetField(fixture)!.GetValue(null)!;
}

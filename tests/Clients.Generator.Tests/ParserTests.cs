using Clients.Generator.Models;
using Clients.Generator.Parsing;
using Clients.Generator.Tests.Fixtures;
using Clients.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Clients.Generator.Tests;

public sealed class ParserTests
{
    [Fact]
    public void Reads_the_provider_from_the_markers_ClientProvider_attribute()
    {
        var compilation = GeneratorHarness.Compile(FixtureSources.All);
        var marker = compilation.GetTypeByMetadataName("Acme.AcmeApiAttribute")!;

        var provider = ProviderParser.FromMarker(marker, compilation.Assembly);

        provider.Should().Be(new ProviderModel(
            "Acme",
            "global::Acme.AcmeApiAttribute",
            "global::Acme.AcmeClientRegistration",
            "global::Acme.AcmeOptions",
            "global::Acme.AcmeAccessRules",
            IsDefinedHere: true,
            IsPublic: true));
    }

    [Fact]
    public void Reads_a_referenced_provider_as_not_defined_here()
    {
        var compilation = GeneratorHarness.Compile(FixtureSources.All);
        var marker = compilation.GetTypeByMetadataName("Clients.Ovh.OvhApiAttribute")!;

        var provider = ProviderParser.FromMarker(marker, compilation.Assembly);

        provider!.Name.Should().Be("Ovh");
        provider.IsDefinedHere.Should().BeFalse();
        provider.AccessRulesType.Should().Be("global::Clients.Ovh.OvhAccessRules");
        provider.RegistrationType.Should().Be("global::Clients.Ovh.OvhClientRegistration");
    }

    [Fact]
    public void An_attribute_class_without_ClientProvider_is_not_a_provider()
    {
        var compilation = GeneratorHarness.Compile(FixtureSources.All);

        ProviderParser.FromMarker(compilation.GetTypeByMetadataName("System.ObsoleteAttribute")!, compilation.Assembly).Should().BeNull();
    }

    [Fact]
    public void Reads_methods_verbs_paths_and_rules_of_a_marked_interface()
    {
        var model = ParseInterface("Acme.IAcmeWidgetsApi").Model!;

        model.FullName.Should().Be("global::Acme.IAcmeWidgetsApi");
        model.RegistrationSuffix.Should().Be("AcmeWidgetsApi");
        model.IsPublic.Should().BeTrue();
        model.Provider.Name.Should().Be("Acme");
        model.Methods.Should().Equal(
            new MethodModel("GetWidgetAsync", "GET", "/widgets/{id}", new AccessRuleModel("GET", "/widgets/*")),
            new MethodModel("CreateWidgetAsync", "POST", "/widgets?dryRun=false", new AccessRuleModel("POST", "/widgets")),
            new MethodModel("GetWidgetByNameAsync", "GET", "/widgets/{name}", new AccessRuleModel("GET", "/widgets/*")));
    }

    [Fact]
    public void Internal_interfaces_are_registered_but_not_public()
    {
        var model = ParseInterface("Acme.Inner.IAcmeGadgetsApi").Model!;

        model.IsPublic.Should().BeFalse();
        model.Methods.Single().Rule.Should().Be(new AccessRuleModel("DELETE", "/gadgets/*/parts/*"));
    }

    [Fact]
    public void An_interface_with_only_unrelated_attributes_is_ignored()
    {
        var compilation = GeneratorHarness.Compile(FixtureSources.All);
        var symbol = compilation.GetTypeByMetadataName("Elsewhere.INotAClient")!;

        InterfaceParser.Parse(symbol, compilation.Assembly, symbol.Locations[0], CancellationToken.None).Should().BeNull();
    }

    [Fact]
    public void Parse_results_of_two_compilations_of_the_same_code_are_equal()
    {
        ParseInterface("Acme.IAcmeWidgetsApi").Should().Be(ParseInterface("Acme.IAcmeWidgetsApi"));
    }

    private static InterfaceResult ParseInterface(string metadataName)
    {
        var compilation = GeneratorHarness.Compile(FixtureSources.All);
        var symbol = compilation.GetTypeByMetadataName(metadataName)!;
        var declaration = (InterfaceDeclarationSyntax)symbol.DeclaringSyntaxReferences[0].GetSyntax();
        return InterfaceParser.Parse(symbol, compilation.Assembly, declaration.Identifier.GetLocation(), CancellationToken.None)!;
    }
}

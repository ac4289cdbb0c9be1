using Clients.Generator.Emitting;
using Clients.Generator.Models;

namespace Clients.Generator.Tests;

public sealed class EmitterTests
{
    private static readonly ProviderModel Local = new(
        "Zeta", "global::Z.ZetaApiAttribute", "global::Z.ZetaClientRegistration", "global::Z.ZetaOptions", null, IsDefinedHere: true, IsPublic: true);

    private static InterfaceModel Api(string name, ProviderModel provider, bool isPublic = true) =>
        new($"global::Z.I{name}", name, isPublic, provider, new EquatableArray<MethodModel>([new MethodModel("GetAsync", "GET", "/x/{id}", null)]));

    [Fact]
    public void A_local_provider_gets_public_entry_points_even_without_interfaces()
    {
        var source = ProviderEmitter.EmitRegistration(new ProviderOutput(Local, EquatableArray<InterfaceModel>.Empty, "Z", true));

        source.Should().Contain("public static partial class ZetaClientsServiceCollectionExtensions");
        source.Should().Contain("public static global::Clients.Core.ClientProviderBuilder AddZetaClients(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::Microsoft.Extensions.Configuration.IConfiguration section)");
        source.Should().Contain("AddZetaClients(this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, global::System.Action<global::Z.ZetaOptions> configure)");
        source.Should().Contain("global::Clients.Core.GeneratedClientRegistry.AddRegisteredClients(typeof(global::Z.ZetaApiAttribute), builder);");
    }

    [Fact]
    public void A_consumer_gets_only_internal_code_and_a_module_initializer()
    {
        var external = Local with { IsDefinedHere = false };
        var source = ProviderEmitter.EmitRegistration(new ProviderOutput(external, new EquatableArray<InterfaceModel>([Api("ZetaThingsApi", external)]), "My.App", true));

        source.Should().NotContain("public ");
        source.Should().NotContain("AddZetaClients(this");
        source.Should().Contain("internal static partial class ZetaClientsOfMy_AppServiceCollectionExtensions");
        source.Should().Contain("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        source.Should().Contain("builder.AddClient<global::Z.IZetaThingsApi>();");
        source.Should().Contain("internal static global::Clients.Core.ClientProviderBuilder AddZetaThingsApi(");
    }

    [Fact]
    public void A_consumers_module_initializer_registers_the_assemblys_json_contexts()
    {
        var external = Local with { IsDefinedHere = false };
        var contexts = new EquatableArray<string>(["global::My.App.AppJson", "global::My.App.Ovh.OvhJsonSerializerContext"]);
        var source = ProviderEmitter.EmitRegistration(new ProviderOutput(external, new EquatableArray<InterfaceModel>([Api("ZetaThingsApi", external)]), "My.App", true, contexts));

        source.Should().Contain("global::Clients.Core.GeneratedClientRegistry.RegisterContracts(global::My.App.AppJson.Default);")
            .And.Contain("global::Clients.Core.GeneratedClientRegistry.RegisterContracts(global::My.App.Ovh.OvhJsonSerializerContext.Default);");

        // The provider package passes its own context to its Refit settings: nothing to register there.
        ProviderEmitter.EmitRegistration(new ProviderOutput(Local, new EquatableArray<InterfaceModel>([Api("ZetaThingsApi", Local)]), "Z", true, contexts))
            .Should().NotContain("RegisterContracts");
    }

    [Fact]
    public void Without_ModuleInitializer_a_consumer_gets_only_per_interface_methods()
    {
        var external = Local with { IsDefinedHere = false };
        var source = ProviderEmitter.EmitRegistration(new ProviderOutput(external, new EquatableArray<InterfaceModel>([Api("ZetaThingsApi", external)]), "Old", false));

        source.Should().NotContain("ModuleInitializer");
        source.Should().Contain("AddZetaThingsApi(");
    }

    [Fact]
    public void Colliding_per_interface_names_are_left_out_but_both_interfaces_are_registered()
    {
        var a = new InterfaceModel("global::A.IThingsApi", "ThingsApi", true, Local, EquatableArray<MethodModel>.Empty);
        var b = new InterfaceModel("global::B.IThingsApi", "ThingsApi", true, Local, EquatableArray<MethodModel>.Empty);

        var source = ProviderEmitter.EmitRegistration(new ProviderOutput(Local, new EquatableArray<InterfaceModel>([a, b]), "Z", true));

        source.Should().NotContain("AddThingsApi(");
        source.Should().Contain("builder.AddClient<global::A.IThingsApi>();").And.Contain("builder.AddClient<global::B.IThingsApi>();");
    }

    [Fact]
    public void Access_rules_are_emitted_only_for_providers_with_a_registry()
    {
        var withRules = Local with { AccessRulesType = "global::Z.ZetaAccessRules" };
        var api = new InterfaceModel("global::Z.IZetaApi", "ZetaApi", true, withRules, new EquatableArray<MethodModel>(
        [
            new MethodModel("GetAsync", "GET", "/x/{id}", new AccessRuleModel("GET", "/x/*")),
            new MethodModel("HeadAsync", "HEAD", "/x", null),
        ]));

        ProviderEmitter.Emit(new ProviderOutput(Local, new EquatableArray<InterfaceModel>([api with { Provider = Local }]), "Z", true))
            .Select(f => f.HintName).Should().Equal("Zeta.Clients.g.cs");
        var files = ProviderEmitter.Emit(new ProviderOutput(withRules, new EquatableArray<InterfaceModel>([api]), "Z", true)).ToDictionary(f => f.HintName, f => f.Source);

        files.Keys.Should().BeEquivalentTo("Zeta.Clients.g.cs", "Zeta.AccessRules.g.cs");
        files["Zeta.AccessRules.g.cs"].Should().Contain("global::Z.ZetaAccessRules.Register(typeof(global::Z.IZetaApi), \"GetAsync\", \"GET\", \"/x/*\");")
            .And.NotContain("HeadAsync");
    }

    [Fact]
    public void Models_are_value_equal()
    {
        var first = new ProviderOutput(Local, new EquatableArray<InterfaceModel>([Api("A", Local)]), "Z", true);
        var second = new ProviderOutput(Local, new EquatableArray<InterfaceModel>([Api("A", Local)]), "Z", true);

        second.Should().Be(first);
        second.GetHashCode().Should().Be(first.GetHashCode());
        (second with { Interfaces = new EquatableArray<InterfaceModel>([Api("B", Local)]) }).Should().NotBe(first);
    }
}

using System.Runtime.Loader;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Ovh.Tests;

/// <summary>
/// The generated OVH surface is an assembly of its own (Clients.Ovh.Generated) that registers its access-rule manifest
/// and contracts from a module initializer: what a consumer calls first must not depend on that initializer having run.
/// </summary>
public sealed class OvhGeneratedAssemblyTests
{
    [Fact]
    public void Access_rules_of_an_interface_whose_assembly_was_never_used_are_found()
    {
        // A fresh copy of Clients.Ovh.Generated (its dependencies, Clients.Ovh included, come from the default context):
        // nothing has touched it, so its module initializer has not run, as in an app whose first OVH call is
        // OvhAccessRules.For<IOvhMeApi>().
        var context = new AssemblyLoadContext(nameof(Access_rules_of_an_interface_whose_assembly_was_never_used_are_found), isCollectible: true);
        try
        {
            var fresh = context.LoadFromAssemblyPath(typeof(IOvhMeApi).Assembly.Location);
            var api = fresh.GetType(typeof(IOvhMeApi).FullName!, throwOnError: true)!;
            api.Should().NotBeSameAs(typeof(IOvhMeApi));

            OvhAccessRules.For(api).Should().BeEquivalentTo(OvhAccessRules.For<IOvhMeApi>());
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void AddOvhClients_lives_beside_the_generated_interfaces_and_registers_them()
    {
        typeof(OvhApiAttribute).Assembly.Should().BeSameAs(typeof(IOvhMeApi).Assembly);
        typeof(OvhOptions).Assembly.Should().NotBeSameAs(typeof(IOvhMeApi).Assembly);

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOvhClients(o =>
        {
            o.Endpoint = "ovh-eu";
            o.ApplicationKey = "ak";
            o.ApplicationSecret = "as";
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOvhMeApi>().Should().NotBeNull();
        provider.GetRequiredService<IOvhV2IamApi>().Should().NotBeNull();
    }

    [Fact]
    public void The_OVH_serializer_describes_generated_contracts_with_the_generated_context()
    {
        // Clients.Ovh's registration has no context of its own: the generated one reaches it through Core's registry.
        var options = Clients.Core.Wire.ProviderRefitSettings.CreateJsonOptions(System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.Combine());
        System.Runtime.CompilerServices.RuntimeHelpers.RunModuleConstructor(typeof(IOvhMeApi).Module.ModuleHandle); // whatever ran before

        var info = options.TypeInfoResolver!.GetTypeInfo(typeof(Models.ApiLog), options);

        info.Should().NotBeNull();
        info!.OriginatingResolver.Should().BeOfType<OvhJsonSerializerContext>();
    }
}

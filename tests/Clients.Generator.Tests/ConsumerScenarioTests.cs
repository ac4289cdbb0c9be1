using System.Reflection;
using System.Runtime.Loader;
using Clients.Generator.Tests.Fixtures;
using Clients.Generator.Tests.Infrastructure;
using Clients.Optimum;
using Microsoft.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Generator.Tests;

/// <summary>
/// A consumer referencing a provider package (which already carries the generated public <c>Add{P}Clients</c>)
/// declares its own marked interfaces: no ambiguity, and the provider's entry point registers them too.
/// </summary>
public sealed class ConsumerScenarioTests
{
    private const string ConsumerOfOptimum = """
        using System.Threading.Tasks;
        using Clients.Optimum;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using Refit;

        namespace Consumer
        {
            [OptimumApi]
            public interface IMyFleetApi
            {
                [Get("/fleet")] Task GetAsync();
            }

            public static class Startup
            {
                public static void Configure(IServiceCollection services, IConfiguration section)
                {
                    services.AddOptimumClients(section).ConfigureHttpClients(_ => { });
                    services.AddOptimumClients(o => { });
                    services.AddMyFleetApi(section);
                }
            }
        }
        """;

    private const string ConsumerOfAcme = """
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Refit;

        namespace Consumer
        {
            [Acme.AcmeApi]
            internal interface IConsumerGizmosApi
            {
                [Get("/gizmos")] Task GetAsync();
            }

            public static class Entry
            {
                public static IServiceCollection Run()
                {
                    var services = new ServiceCollection();
                    services.AddAcmeClients(_ => { });
                    return services;
                }
            }
        }
        """;

    [Fact]
    public void The_provider_package_carries_the_generated_public_entry_points()
    {
        var extensions = typeof(OptimumApiAttribute).Assembly
            .GetType("Microsoft.Extensions.DependencyInjection.OptimumClientsServiceCollectionExtensions");

        extensions.Should().NotBeNull("the generator runs on Clients.Optimum");
        extensions!.IsPublic.Should().BeTrue();
        extensions.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.Name == "AddOptimumClients").Should().HaveCount(2);
    }

    [Fact]
    public void A_consumer_of_the_real_Optimum_package_compiles_without_ambiguity()
    {
        var compilation = GeneratorHarness.Compile("Consumer", null, ("Consumer.cs", ConsumerOfOptimum));
        var (_, output, result) = GeneratorHarness.Run(compilation);

        result.Diagnostics.Should().BeEmpty();
        GeneratorHarness.Problems(output).Should().BeEmpty("in particular no CS0121 between the package's and the consumer's AddOptimumClients");
        var source = GeneratorHarness.Sources(result)["Optimum.Clients.g.cs"];
        source.Should().NotContain("AddOptimumClients(this").And.NotContain("public ");
        source.Should().Contain("global::Clients.Core.GeneratedClientRegistry.Register(typeof(global::Clients.Optimum.OptimumApiAttribute)");
    }

    [Fact]
    public void The_providers_entry_point_registers_the_consumers_interfaces_at_run_time()
    {
        var providerImage = Emit(GeneratorHarness.Compile("Acme.Provider", null,
            ("AcmeProvider.cs", FixtureSources.AcmeProvider), ("AcmeWidgets.cs", FixtureSources.AcmeWidgets)));
        var consumerImage = Emit(GeneratorHarness.Compile("Acme.Consumer", [MetadataReference.CreateFromImage(providerImage)],
            ("Consumer.cs", ConsumerOfAcme)));

        var context = new AssemblyLoadContext("consumer-scenario", isCollectible: true);
        try
        {
            var provider = context.LoadFromStream(new MemoryStream(providerImage));
            var consumer = context.LoadFromStream(new MemoryStream(consumerImage));
            var services = (IServiceCollection)consumer.GetType("Consumer.Entry")!.GetMethod("Run")!.Invoke(null, null)!;

            var registered = services.Select(d => d.ServiceType).ToList();
            registered.Should().Contain(provider.GetType("Acme.IAcmeWidgetsApi")!, "the provider assembly's own interface");
            registered.Should().Contain(consumer.GetType("Consumer.IConsumerGizmosApi")!, "the consumer's interface, handed over by its module initializer");
        }
        finally
        {
            context.Unload();
        }
    }

    private static byte[] Emit(Compilation compilation)
    {
        var (_, output, result) = GeneratorHarness.Run(compilation);
        result.Diagnostics.Should().BeEmpty();
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        emitted.Success.Should().BeTrue(string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return stream.ToArray();
    }
}

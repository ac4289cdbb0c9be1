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

    // A consumer's own contracts in its own source-generated context. The harness runs only the Clients generator, so
    // the members System.Text.Json's generator would add (Default, the resolver) are written by hand here.
    private const string ConsumerOfAcmeWithContracts = """
        using System;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Text.Json.Serialization.Metadata;
        using System.Threading.Tasks;
        using Microsoft.Extensions.DependencyInjection;
        using Refit;

        namespace Consumer
        {
            public sealed class Gizmo { public string? Name { get; set; } }

            [Acme.AcmeApi]
            internal interface IConsumerGizmosApi
            {
                [Get("/gizmos")] Task<Gizmo> GetAsync();
            }

            [JsonSerializable(typeof(Gizmo))]
            internal sealed partial class GizmoContracts : JsonSerializerContext, IJsonTypeInfoResolver
            {
                public GizmoContracts() : base(null) { }
                public static GizmoContracts Default { get; } = new();
                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;
                public override JsonTypeInfo? GetTypeInfo(Type type) => null;
                JsonTypeInfo? IJsonTypeInfoResolver.GetTypeInfo(Type type, JsonSerializerOptions options) =>
                    type == typeof(Gizmo) ? JsonTypeInfo.CreateJsonTypeInfo(type, options) : null;
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

    [Fact]
    public void A_consumers_json_context_describes_its_types_in_every_providers_serializer_once_its_assembly_is_loaded()
    {
        var providerImage = Emit(GeneratorHarness.Compile("Acme.Provider", null,
            ("AcmeProvider.cs", FixtureSources.AcmeProvider), ("AcmeWidgets.cs", FixtureSources.AcmeWidgets)));
        var compilation = GeneratorHarness.Compile("Acme.ConsumerWithContracts", [MetadataReference.CreateFromImage(providerImage)],
            ("Consumer.cs", ConsumerOfAcmeWithContracts));
        var (_, _, result) = GeneratorHarness.Run(compilation);
        GeneratorHarness.Sources(result)["Acme.Clients.g.cs"].Should()
            .Contain("global::Clients.Core.GeneratedClientRegistry.RegisterContracts(global::Consumer.GizmoContracts.Default);");
        var consumerImage = Emit(compilation);

        var context = new AssemblyLoadContext("consumer-contracts", isCollectible: true);
        try
        {
            context.LoadFromStream(new MemoryStream(providerImage));
            var consumer = context.LoadFromStream(new MemoryStream(consumerImage));
            var gizmo = consumer.GetType("Consumer.Gizmo")!;
            consumer.GetType("Consumer.Entry")!.GetMethod("Run")!.Invoke(null, null);

            // Any provider's options: the consumer's context answers for its type, before any reflection fallback.
            var options = Clients.Core.Wire.ProviderRefitSettings.CreateJsonOptions(OptimumJsonSerializerContext.Default);
            options.TypeInfoResolverChain.Should().HaveCountGreaterThanOrEqualTo(2);
            options.TypeInfoResolverChain[0].GetTypeInfo(gizmo, options).Should().BeNull("the provider's own context does not know the consumer's type");
            options.TypeInfoResolverChain[1].GetTypeInfo(gizmo, options).Should().NotBeNull("the consumer's module initializer registered its context");
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

using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Clients.Core.Wire;
using Clients.Sandbox.Hosting;
using Clients.Sandbox.Optimum;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Optimum.Tests;

/// <summary>The generated Optimum clients against the emulator's drift mode: answers beyond the document.</summary>
public sealed class OptimumForwardCompatibilityTests
{
    private static readonly JsonSerializerOptions Json = ProviderRefitSettings.CreateJsonOptions(OptimumJsonSerializerContext.Default);

    private static ServiceProvider Build(OptimumSandbox sandbox, ConcurrentQueue<byte[]> bodies)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Optimum:ApiBaseUrl"] = sandbox.BaseUri.ToString(),
            ["Optimum:TokenUrl"] = sandbox.TokenUrl.ToString(),
            ["Optimum:ClientId"] = sandbox.ClientId,
            ["Optimum:ClientSecret"] = sandbox.ClientSecret,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptimumClients(configuration.GetSection("Optimum"));
        services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new SandboxResponseRecorder(bodies)));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Extra_and_missing_properties_deserialize_and_round_trip_byte_for_byte()
    {
        await using var sandbox = await OptimumSandbox.StartAsync(new OptimumSandboxOptions
        {
            Drift = SandboxDriftMode.UnknownEnumValues | SandboxDriftMode.ExtraProperties | SandboxDriftMode.MissingOptionalProperties,
        });
        var bodies = new ConcurrentQueue<byte[]>();
        await using var services = Build(sandbox, bodies);

        // A vehicle with a driver: an explicit "currentDriver": null from the server would not be written back (request
        // bodies leave null properties out, so an unset optional property is never sent as null).
        var vehicle = await services.GetRequiredService<IOptimumVehiclesApi>().GetVehicleAsync("AB-123-CD");

        vehicle.AdditionalProperties.Should().ContainKey(SandboxDrift.ExtraPropertyName);
        vehicle.CurrentDriver!.AdditionalProperties.Should().ContainKey(SandboxDrift.ExtraPropertyName);
        JsonSerializer.Serialize(vehicle, Json).Should().Be(Encoding.UTF8.GetString(bodies.Last()));
    }

    [Fact]
    public async Task Every_drift_at_once_deserializes_without_exception()
    {
        await using var sandbox = await OptimumSandbox.StartAsync(new OptimumSandboxOptions { Drift = SandboxDriftMode.All });
        await using var services = Build(sandbox, new ConcurrentQueue<byte[]>());
        var api = services.GetRequiredService<IOptimumVehiclesApi>();

        var act = async () =>
        {
            var vehicles = await api.GetVehiclesAsync();
            await api.GetVehicleAsync(vehicles[0].RegistrationNumber!);
        };

        await act.Should().NotThrowAsync();
    }
}

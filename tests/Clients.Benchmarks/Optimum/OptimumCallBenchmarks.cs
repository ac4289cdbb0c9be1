using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Clients.Optimum;
using Clients.Optimum.Models;
using Clients.Sandbox.Optimum;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Benchmarks.Optimum;

/// <summary>
/// One GET of a vehicle against the Optimum emulator on loopback: the generated client through the full chain
/// (IHttpClientFactory, innermost-handler filter, bearer handler with the token cache, Refit, System.Text.Json source
/// generation) versus a raw <see cref="HttpClient"/> with a static <c>Authorization</c> header deserializing with the
/// same generated contract. Calls per second = 1 / Mean.
/// </summary>
/// <remarks>
/// Short job, in process (no separate build: the shared CI machine is slow), emulator in the same process for both
/// sides, so the ratio compares like with like.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class OptimumCallBenchmarks
{
    private const string Registration = "AB-123-CD";
    private OptimumSandbox _sandbox = null!;
    private ServiceProvider _services = null!;
    private IOptimumVehiclesApi _api = null!;
    private HttpClient _raw = null!;

    /// <summary>Starts the emulator and both clients, and warms both paths (first token acquired).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _sandbox = OptimumSandbox.StartAsync().GetAwaiter().GetResult();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Optimum:ApiBaseUrl"] = _sandbox.BaseUri.ToString(),
            ["Optimum:TokenUrl"] = _sandbox.TokenUrl.ToString(),
            ["Optimum:ClientId"] = _sandbox.ClientId,
            ["Optimum:ClientSecret"] = _sandbox.ClientSecret,
        }).Build();
        var services = new ServiceCollection();
        services.AddOptimumClients(configuration.GetSection("Optimum"));
        _services = services.BuildServiceProvider();
        _api = _services.GetRequiredService<IOptimumVehiclesApi>();

        _raw = new HttpClient { BaseAddress = _sandbox.BaseUri };
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _sandbox.IssueToken());

        Raw().GetAwaiter().GetResult();
        Generated().GetAwaiter().GetResult();
    }

    /// <summary>Stops everything.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _services.Dispose();
        _sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>The baseline: raw HttpClient, static bearer header.</summary>
    /// <returns>The vehicle.</returns>
    [Benchmark(Baseline = true)]
    public async Task<Vehicle?> Raw()
    {
        using var response = await _raw.GetAsync("Vehicles/" + Registration).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(OptimumJsonSerializerContext.Default.Vehicle).ConfigureAwait(false);
    }

    /// <summary>The generated client through the full chain.</summary>
    /// <returns>The vehicle.</returns>
    [Benchmark]
    public Task<Vehicle> Generated() => _api.GetVehicleAsync(Registration);
}


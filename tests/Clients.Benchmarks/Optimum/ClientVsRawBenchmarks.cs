using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Clients.Core.Telemetry;
using Clients.Core.Wire;
using Clients.Optimum;
using Clients.Optimum.Models;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Refit;

namespace Clients.Benchmarks.Optimum;

/// <summary>
/// Issue 10's benchmark: <c>GET /Vehicles/{registrationNumber}</c> against the emulator in a separate OS process, the
/// generated <see cref="IOptimumVehiclesApi"/> (plain, and with <c>AddResilience()</c>) versus a raw
/// <see cref="HttpClient"/> with a static <c>Authorization</c> header and the same generated JSON contract, at
/// concurrency 1 (64 calls one after the other) and 64 (64 calls at once), with OpenTelemetry tracing and metrics
/// enabled (our sources and System.Net.Http's, always sampled) or not. Each invocation is 64 calls, so Mean and
/// Allocated are per call; calls per second = 1 / Mean.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class ClientVsRawBenchmarks
{
    private const int Calls = 64;
    private const string Registration = "AB-123-CD";
    private ServiceProvider _plain = null!;
    private ServiceProvider _resilient = null!;
    private IOptimumVehiclesApi _api = null!;
    private IOptimumVehiclesApi _resilientApi = null!;
    private HttpClient _raw = null!;
    private IOptimumVehiclesApi _refitOverRaw = null!;
    private IOptimumVehiclesApi _refitStub = null!;
    private TracerProvider? _tracing;
    private MeterProvider? _metrics;

    /// <summary>1: the 64 calls one after the other; 64: all at once.</summary>
    [Params(1, 64)]
    public int Concurrency { get; set; }

    /// <summary>Whether an OpenTelemetry SDK listens (tracing always sampled, metrics collected).</summary>
    [Params(false, true)]
    public bool OpenTelemetry { get; set; }

    /// <summary>Starts (once) the out-of-process emulator, builds both clients and warms them.</summary>
    [GlobalSetup]
    public void Setup()
    {
        if (OpenTelemetry)
        {
            string[] sources = [.. ClientsTelemetry.BuiltInNames, "System.Net.Http"];
            _tracing = Sdk.CreateTracerProviderBuilder().AddSource(sources).SetSampler(new AlwaysOnSampler()).Build();
            _metrics = Sdk.CreateMeterProviderBuilder().AddMeter(sources).AddInMemoryExporter(new List<Metric>()).Build();
        }

        _plain = Build(resilience: false);
        _resilient = Build(resilience: true);
        _api = _plain.GetRequiredService<IOptimumVehiclesApi>();
        _resilientApi = _resilient.GetRequiredService<IOptimumVehiclesApi>();
        _raw = new HttpClient { BaseAddress = OutOfProcessSandbox.ApiBase };
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IssueToken());
        _refitOverRaw = RestService.For<IOptimumVehiclesApi>(_raw, ProviderRefitSettings.Create(
            OptimumJsonSerializerContext.Default, static (r, s) => new ValueTask<Exception?>(OptimumApiException.CreateAsync(r, s))));
        var factory = _plain.GetRequiredService<IHttpClientFactory>();
        _refitStub = RestService.ForGenerated<IOptimumVehiclesApi>(
            factory.CreateClient(Clients.Core.ClientProviderBuilder.ClientName(typeof(IOptimumVehiclesApi))),
            _plain.GetRequiredKeyedService<RefitSettings>("Optimum"));
        for (var i = 0; i < 20; i++)
        {
            RefitStub().GetAwaiter().GetResult();
            RawCalls().GetAwaiter().GetResult();
            RawBufferedCalls().GetAwaiter().GetResult();
            RefitOverRawClient().GetAwaiter().GetResult();
            Generated().GetAwaiter().GetResult();
            GeneratedWithResilience().GetAwaiter().GetResult();
        }
    }

    /// <summary>Disposes the clients and the telemetry providers.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _plain.Dispose();
        _resilient.Dispose();
        _tracing?.Dispose();
        _metrics?.Dispose();
    }

    /// <summary>
    /// The baseline: raw HttpClient, static bearer header, the body streamed into the same generated contract (as Refit
    /// does: response headers read, then the content deserialized from its stream; a non-success status throws).
    /// </summary>
    /// <returns>A task.</returns>
    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public Task RawCalls() => Run(() => _raw.GetFromJsonAsync("Vehicles/" + Registration, OptimumJsonSerializerContext.Default.Vehicle));

    /// <summary>
    /// Raw HttpClient reading the whole body first (<c>GetAsync</c>, then deserializing from the buffer): what Refit does
    /// with a response body, shown for comparison.
    /// </summary>
    /// <returns>A task.</returns>
    [Benchmark(OperationsPerInvoke = Calls)]
    public Task RawBufferedCalls() => Run(async () =>
    {
        using var response = await _raw.GetAsync("Vehicles/" + Registration).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(OptimumJsonSerializerContext.Default.Vehicle).ConfigureAwait(false);
    });

    /// <summary>
    /// The generated Refit stub with the providers' settings over the baseline's own <see cref="HttpClient"/> (same
    /// connection pool, static header, no factory chain): <see cref="RawCalls"/> to here prices Refit, here to
    /// <see cref="Generated"/> the factory chain and the bearer handler.
    /// </summary>
    /// <returns>A task.</returns>
    [Benchmark(OperationsPerInvoke = Calls)]
    public Task RefitOverRawClient() => Run(() => _refitOverRaw.GetVehicleAsync(Registration));

    /// <summary>
    /// Refit's own stub for the interface over the generated client's HTTP client (same factory handlers, token and
    /// settings): the client as it was before the generator implemented the interfaces itself.
    /// </summary>
    /// <returns>A task.</returns>
    [Benchmark(OperationsPerInvoke = Calls)]
    public Task RefitStub() => Run(() => _refitStub.GetVehicleAsync(Registration));

    /// <summary>The generated client as the README registers it.</summary>
    /// <returns>A task.</returns>
    [Benchmark(OperationsPerInvoke = Calls)]
    public Task Generated() => Run(() => _api.GetVehicleAsync(Registration));

    /// <summary>The generated client with the provider-tuned resilience pipeline.</summary>
    /// <returns>A task.</returns>
    [Benchmark(OperationsPerInvoke = Calls)]
    public Task GeneratedWithResilience() => Run(() => _resilientApi.GetVehicleAsync(Registration));

    private async Task Run<T>(Func<Task<T>> call)
    {
        if (Concurrency == 1)
        {
            for (var i = 0; i < Calls; i++)
            {
                await call().ConfigureAwait(false);
            }

            return;
        }

        var tasks = new Task<T>[Calls];
        for (var i = 0; i < Calls; i++)
        {
            tasks[i] = call();
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private static ServiceProvider Build(bool resilience)
    {
        var services = new ServiceCollection();
        var builder = services.AddOptimumClients(o =>
        {
            o.ApiBaseUrl = OutOfProcessSandbox.ApiBase;
            o.TokenUrl = OutOfProcessSandbox.TokenUrl;
            o.ClientId = OutOfProcessSandbox.ClientId;
            o.ClientSecret = OutOfProcessSandbox.ClientSecret;
        });
        if (resilience)
        {
            builder.AddResilience();
        }

        return services.BuildServiceProvider();
    }

    private static string IssueToken()
    {
        using var http = new HttpClient();
        using var response = http.PostAsync(OutOfProcessSandbox.TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = OutOfProcessSandbox.ClientId,
            ["client_secret"] = OutOfProcessSandbox.ClientSecret,
        })).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
        var body = response.Content.ReadFromJsonAsync<Dictionary<string, object>>().GetAwaiter().GetResult()!;
        return body["access_token"].ToString()!;
    }
}

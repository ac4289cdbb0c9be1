using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using BenchmarkDotNet.Attributes;
using Clients.Core.OAuth2;
using Clients.Core.Wire;
using Clients.Optimum;
using Clients.Optimum.Models;
using Clients.Sandbox.Optimum;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Clients.Benchmarks.Optimum;

/// <summary>
/// Where the generated client's time and allocations go, without a network: every client (raw and generated) ends in
/// the same canned primary handler, which answers a vehicle body captured once from the Optimum emulator (and a token
/// for the token endpoint). What differs between the rows is only the client side: Refit's generated stub, the
/// <see cref="IHttpClientFactory"/> handlers, the bearer handler, the resilience pipeline.
/// </summary>
/// <remarks>
/// The rows that add or swap a part (<c>WithFactoryLogging</c>: the factory's default logging handlers put back;
/// <c>RefitSerializer</c>: Refit's own content serializer instead of the providers' one) are there to price that part.
/// Run with <c>--filter '*HandlerChainBenchmarks*'</c>.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class HandlerChainBenchmarks
{
    private const string Registration = "AB-123-CD";
    private static readonly Uri ApiBase = new("http://127.0.0.1:9/");
    private static readonly Uri TokenUrl = new("http://127.0.0.1:9/connect/token");
    private ServiceProvider _plain = null!;
    private ServiceProvider _factoryLogging = null!;
    private ServiceProvider _resilient = null!;
    private IOptimumVehiclesApi _api = null!;
    private IOptimumVehiclesApi _apiFactoryLogging = null!;
    private IOptimumVehiclesApi _resilientApi = null!;
    private HttpClient _raw = null!;
    private HttpClient _rawWithBearer = null!;
    private HttpClient _bareForRefit = null!;
    private IOptimumVehiclesApi _refitBare = null!;
    private IOptimumVehiclesApi _refitBareRefitSerializer = null!;
    private byte[] _vehicle = null!;

    /// <summary>Captures a vehicle body from the emulator, then builds the clients over the canned handler.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var sandbox = OptimumSandbox.StartAsync().GetAwaiter().GetResult();
        try
        {
            using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.IssueToken());
            _vehicle = http.GetByteArrayAsync("Vehicles/" + Registration).GetAwaiter().GetResult();
        }
        finally
        {
            sandbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _plain = Build(static _ => { });
        _factoryLogging = Build(static b => b.ConfigureHttpClients(static c => c.AddDefaultLogger()));
        _resilient = Build(static b => b.AddResilience());
        _api = _plain.GetRequiredService<IOptimumVehiclesApi>();
        _apiFactoryLogging = _factoryLogging.GetRequiredService<IOptimumVehiclesApi>();
        _resilientApi = _resilient.GetRequiredService<IOptimumVehiclesApi>();
        _raw = new HttpClient(new CannedHandler(_vehicle)) { BaseAddress = ApiBase };
        _raw.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "opt_static-token-for-the-baseline");
        _rawWithBearer = new HttpClient(new BearerTokenHandler(new FixedToken()) { InnerHandler = new CannedHandler(_vehicle) }) { BaseAddress = ApiBase };
        _bareForRefit = new HttpClient(new CannedHandler(_vehicle)) { BaseAddress = ApiBase };
        _bareForRefit.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "opt_static-token-for-the-baseline");
        _refitBare = RestService.For<IOptimumVehiclesApi>(_bareForRefit, OptimumSettings());
        var refitSerializer = OptimumSettings();
        refitSerializer.ContentSerializer = new SystemTextJsonContentSerializer(ProviderRefitSettings.CreateJsonOptions(OptimumJsonSerializerContext.Default));
        _refitBareRefitSerializer = RestService.For<IOptimumVehiclesApi>(_bareForRefit, refitSerializer);
        for (var i = 0; i < 100; i++)
        {
            RawWithBearerHandler().GetAwaiter().GetResult();
            RefitOverBareHttpClient().GetAwaiter().GetResult();
            RefitOverBareHttpClientRefitSerializer().GetAwaiter().GetResult();
            RawStreamed().GetAwaiter().GetResult();
            RawBuffered().GetAwaiter().GetResult();
            Generated().GetAwaiter().GetResult();
            GeneratedWithFactoryLogging().GetAwaiter().GetResult();
            GeneratedWithResilience().GetAwaiter().GetResult();
        }
    }

    /// <summary>Disposes the clients.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _rawWithBearer.Dispose();
        _bareForRefit.Dispose();
        _plain.Dispose();
        _factoryLogging.Dispose();
        _resilient.Dispose();
    }

    /// <summary>The baseline: raw HttpClient, static bearer header, streamed into the same generated contract.</summary>
    /// <returns>The vehicle.</returns>
    [Benchmark(Baseline = true)]
    public Task<Vehicle?> RawStreamed() => _raw.GetFromJsonAsync("Vehicles/" + Registration, OptimumJsonSerializerContext.Default.Vehicle);

    /// <summary>Raw HttpClient as the ClientVsRaw benchmark had it: the body buffered (GetAsync) before deserializing.</summary>
    /// <returns>The vehicle.</returns>
    [Benchmark]
    public async Task<Vehicle?> RawBuffered()
    {
        using var response = await _raw.GetAsync("Vehicles/" + Registration).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(OptimumJsonSerializerContext.Default.Vehicle).ConfigureAwait(false);
    }

    /// <summary>Raw HttpClient with only <see cref="BearerTokenHandler"/> (a fixed token): prices the bearer handler.</summary>
    /// <returns>The vehicle.</returns>
    [Benchmark]
    public Task<Vehicle?> RawWithBearerHandler() => _rawWithBearer.GetFromJsonAsync("Vehicles/" + Registration, OptimumJsonSerializerContext.Default.Vehicle);

    /// <summary>Refit's generated stub with the provider's settings over a bare HttpClient (static header): prices Refit.</summary>
    /// <returns>The vehicle.</returns>
    [Benchmark]
    public Task<Vehicle> RefitOverBareHttpClient() => _refitBare.GetVehicleAsync(Registration);

    /// <summary>As <see cref="RefitOverBareHttpClient"/> with Refit's own content serializer: prices the providers' one.</summary>
    /// <returns>The vehicle.</returns>
    [Benchmark]
    public Task<Vehicle> RefitOverBareHttpClientRefitSerializer() => _refitBareRefitSerializer.GetVehicleAsync(Registration);

    /// <summary>The generated client as the README registers it.</summary>
    /// <returns>The vehicle.</returns>
    [Benchmark]
    public Task<Vehicle> Generated() => _api.GetVehicleAsync(Registration);

    /// <summary>The generated client with IHttpClientFactory's two default logging handlers put back (prices them).</summary>
    /// <returns>The vehicle.</returns>
    [Benchmark]
    public Task<Vehicle> GeneratedWithFactoryLogging() => _apiFactoryLogging.GetVehicleAsync(Registration);

    /// <summary>The generated client with the provider-tuned resilience pipeline.</summary>
    /// <returns>The vehicle.</returns>
    [Benchmark]
    public Task<Vehicle> GeneratedWithResilience() => _resilientApi.GetVehicleAsync(Registration);

    private static RefitSettings OptimumSettings() =>
        ProviderRefitSettings.Create(OptimumJsonSerializerContext.Default, static (r, s) => new ValueTask<Exception?>(OptimumApiException.CreateAsync(r, s)));

    private ServiceProvider Build(Action<Clients.Core.ClientProviderBuilder> configure)
    {
        var services = new ServiceCollection();
        var vehicle = _vehicle;
        services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => new CannedHandler(vehicle)));
        var builder = services.AddOptimumClients(o =>
        {
            o.ApiBaseUrl = ApiBase;
            o.TokenUrl = TokenUrl;
            o.ClientId = "bench-client";
            o.ClientSecret = "bench-secret";
        });

        // After Refit's own primary-handler configuration of each client.
        builder.ConfigureHttpClients(c => c.ConfigurePrimaryHttpMessageHandler(() => new CannedHandler(vehicle)));
        configure(builder);
        return services.BuildServiceProvider();
    }

    /// <summary>A token source that always has the same token at hand.</summary>
    private sealed class FixedToken : IAccessTokenSource
    {
        private readonly AccessToken _token = new("opt_static-token-for-the-baseline", "Bearer", DateTimeOffset.MaxValue, null);

        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => new(_token);

        public ValueTask<AccessToken> RenewTokenAsync(AccessToken rejected, CancellationToken cancellationToken) => new(_token);
    }

    /// <summary>
    /// Answers a token for POSTs and the captured vehicle for everything else, its <c>Content-Type</c> a raw string as a
    /// socket leaves it (parsed only by whoever reads it).
    /// </summary>
    private sealed class CannedHandler(byte[] vehicle) : HttpMessageHandler
    {
        private static readonly byte[] Token = """{"access_token":"opt_canned-token","token_type":"Bearer","expires_in":3600}"""u8.ToArray();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // Completes asynchronously, as a socket does, so that every async layer above pays what it pays on a network.
            await Task.Yield();
            var content = new ByteArrayContent(request.Method == HttpMethod.Post ? Token : vehicle);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=utf-8");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        }
    }
}

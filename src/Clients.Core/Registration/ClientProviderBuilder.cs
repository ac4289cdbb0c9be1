using System.Threading.RateLimiting;
using Clients.Core.Resilience;
using Clients.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Refit;

namespace Clients.Core;

/// <summary>
/// Returned by every <c>Add{Provider}Clients</c> call: adds that provider's Refit clients and lets a consumer
/// configure all of them at once (resilience, extra handlers, timeouts).
/// </summary>
/// <remarks>
/// <para>
/// The provider's authentication handler (token or signature) is always the innermost handler of every client,
/// whatever the consumer adds and in whatever order, so each retry of an outer resilience handler is
/// re-authenticated.
/// </para>
/// <para>
/// Each client logs through one handler of the library, outermost, under the category
/// <c>Clients.{Provider}.Http.{Interface}</c> (for example <c>Clients.Optimum.Http.IOptimumVehiclesApi</c>): at
/// <c>Debug</c>, each request's method and URI without its query string, then its status code and elapsed time, or its
/// exception; never a header or a body. <see cref="IHttpClientFactory"/>'s default logging handlers
/// (<c>System.Net.Http.HttpClient.{name}.LogicalHandler</c> and <c>.ClientHandler</c>) are removed from the provider's
/// clients; a consumer who wants them back adds them with
/// <c>.ConfigureHttpClients(c =&gt; c.AddDefaultLogger())</c>.
/// </para>
/// </remarks>
public sealed class ClientProviderBuilder
{
    private readonly ClientProviderDefinition _definition;
    private readonly List<IHttpClientBuilder> _clients = new();
    private readonly List<Action<IHttpClientBuilder>> _configurations = new();

    /// <summary>Creates a builder for one provider. Called by the provider's registration hook.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="definition">How the provider's clients are built.</param>
    public ClientProviderBuilder(IServiceCollection services, ClientProviderDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(definition);
        Services = services;
        _definition = definition;
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, InnermostHandlerFilter>());
    }

    /// <summary>The service collection the clients are registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The provider's name (for example <c>Optimum</c>).</summary>
    public string ProviderName => _definition.ProviderName;

    /// <summary>The HTTP client builders of the clients added so far.</summary>
    public IReadOnlyList<IHttpClientBuilder> Clients => _clients;

    /// <summary>
    /// Registers <typeparamref name="TApi"/> as a source-generated Refit client (no reflection fallback) of this provider
    /// through <see cref="IHttpClientFactory"/>,
    /// bound to the provider's base address, serializer settings and authentication handler.
    /// Adding the same interface twice registers it once.
    /// </summary>
    /// <typeparam name="TApi">A Refit interface marked for this provider.</typeparam>
    /// <returns>The HTTP client builder of that client.</returns>
    public IHttpClientBuilder AddClient<TApi>()
        where TApi : class => AddClient<TApi>(create: null);

    /// <summary>
    /// Registers <typeparamref name="TApi"/> like <see cref="AddClient{TApi}()"/>, implemented by <paramref name="create"/>
    /// instead of Refit's stub: the Clients generator passes the implementation it writes for an interface whose every
    /// method it can implement (requests built with Refit's helpers as Refit's stub builds them, sent by
    /// <see cref="Wire.GeneratedRequestSender"/>). Same HTTP client, handlers, settings and behaviour.
    /// </summary>
    /// <typeparam name="TApi">A Refit interface marked for this provider.</typeparam>
    /// <param name="create">
    /// Creates the implementation over the interface's HTTP client and the provider's Refit settings; null keeps Refit's stub,
    /// and so does a Refit loaded at run time outside the range the implementations are built for (16.4.0 up to 17.0.0).
    /// </param>
    /// <returns>The HTTP client builder of that client.</returns>
    public IHttpClientBuilder AddClient<TApi>(Func<HttpClient, RefitSettings, TApi>? create)
        where TApi : class
    {
        var name = ClientName(typeof(TApi));
        var existing = _clients.FirstOrDefault(c => c.Name == name);
        if (existing is not null)
        {
            return existing;
        }

        var definition = _definition;
        var category = ClientsHttpLoggingHandler.Category(ProviderName, typeof(TApi));
        var firstNew = Services.Count;
        var client = Services
            .AddRefitGeneratedClient<TApi>(sp => definition.CreateRefitSettings(sp), name)
            .ConfigureHttpClient((sp, http) => definition.ConfigureHttpClient(sp, http))

            // The library's one logging handler instead of the factory's two (a logging scope and two async frames per
            // request, logged at Information); added first, so it is the outermost handler.
            .RemoveAllLoggers()
            .AddHttpMessageHandler(sp => ClientsHttpLoggingHandler.Create(sp, category));
        if (create is not null && Wire.RefitRuntime.GeneratedImplementationsSupported)
        {
            // The generated implementation replaces Refit's stub as the typed client; everything else Refit registered
            // for the client (its named HttpClient, settings, handlers) stays.
            for (var i = Services.Count - 1; i >= firstNew; i--)
            {
                if (Services[i].ServiceType == typeof(TApi))
                {
                    Services.RemoveAt(i);
                }
            }

            client.AddTypedClient<TApi>((http, sp) => create(http, definition.CreateRefitSettings(sp)));
        }

        Services.Configure<InnermostHandlerOptions>(name, o => o.Factory = definition.CreateAuthHandler);
        _clients.Add(client);
        foreach (var configure in _configurations)
        {
            configure(client);
        }

        return client;
    }

    /// <summary>
    /// Applies <paramref name="configure"/> to every client of this provider, those added already and those added later.
    /// </summary>
    /// <param name="configure">For example <c>b =&gt; b.AddStandardResilienceHandler()</c>.</param>
    /// <returns>This builder.</returns>
    public ClientProviderBuilder ConfigureHttpClients(Action<IHttpClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _configurations.Add(configure);
        foreach (var client in _clients)
        {
            configure(client);
        }

        return this;
    }

    /// <summary>
    /// Adds the provider-tuned resilience pipeline (<c>Microsoft.Extensions.Http.Resilience</c>) to every client of this
    /// provider: a total timeout; retries of idempotent methods only (a POST or PATCH only when
    /// <see cref="ClientsResilienceOptions.RetryNonIdempotentMethods"/> or the request's
    /// <see cref="ClientsRequestOptions.AllowRetry"/> says so) with jittered exponential backoff, honouring
    /// <c>Retry-After</c>; a circuit breaker that does not open on a healthy API's transient fault rate and ignores 429;
    /// a per-attempt timeout. The authentication handler stays innermost, so every attempt is re-signed or re-tokened.
    /// Use it instead of <c>AddStandardResilienceHandler()</c>, not with it.
    /// </summary>
    /// <param name="configure">Overrides the provider's defaults, or <see langword="null"/> to keep them.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A setting is out of range (the message names it).</exception>
    public ClientProviderBuilder AddResilience(Action<ClientsResilienceOptions>? configure = null)
    {
        var options = new ClientsResilienceOptions();
        _definition.ResilienceDefaults?.Invoke(options);
        configure?.Invoke(options);
        options.Validate(ProviderName);

        // One limiter for all the provider's clients of this container: the provider counts requests per account.
        RateLimiter? limiter = options.PermitsPerMinute is { } permits
            ? new SlidingWindowRateLimiter(new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                SegmentsPerWindow = 6,
                QueueLimit = int.MaxValue,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : null;
        var provider = ProviderName;
        return ConfigureHttpClients(client => client.AddResilienceHandler(
            "Clients." + provider + ".Resilience",
            pipeline => ClientsResiliencePipeline.Configure(pipeline, options, provider, limiter)));
    }

    /// <summary>The name of the <see cref="IHttpClientFactory"/> client that serves <paramref name="api"/>.</summary>
    /// <param name="api">The Refit interface.</param>
    /// <returns>A stable client name.</returns>
    public static string ClientName(Type api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return "Clients:" + (api.FullName ?? api.Name);
    }
}

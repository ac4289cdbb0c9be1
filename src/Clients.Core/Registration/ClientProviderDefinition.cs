using Clients.Core.OAuth2;
using Clients.Core.Resilience;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Refit;

namespace Clients.Core;

/// <summary>What a provider contributes to each of its clients. Built by the provider's registration hook.</summary>
public sealed class ClientProviderDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="providerName">The provider's name.</param>
    /// <param name="configureHttpClient">Sets the base address (and anything else) of each client's <see cref="HttpClient"/>.</param>
    /// <param name="createRefitSettings">The Refit settings (serializer, error handling) of the provider's clients.</param>
    /// <param name="createAuthHandler">Creates the provider's authentication handler; it becomes the innermost handler.</param>
    public ClientProviderDefinition(
        string providerName,
        Action<IServiceProvider, HttpClient> configureHttpClient,
        Func<IServiceProvider, RefitSettings> createRefitSettings,
        Func<IServiceProvider, DelegatingHandler> createAuthHandler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(configureHttpClient);
        ArgumentNullException.ThrowIfNull(createRefitSettings);
        ArgumentNullException.ThrowIfNull(createAuthHandler);
        ProviderName = providerName;
        ConfigureHttpClient = configureHttpClient;
        CreateRefitSettings = createRefitSettings;
        CreateAuthHandler = createAuthHandler;
    }

    /// <summary>The provider's name.</summary>
    public string ProviderName { get; }

    /// <summary>A provider authenticated with OAuth2 bearer tokens: <see cref="BearerTokenHandler"/> over <paramref name="tokens"/>.</summary>
    /// <param name="providerName">The provider's name.</param>
    /// <param name="configureHttpClient">Sets the base address (and anything else) of each client's <see cref="HttpClient"/>.</param>
    /// <param name="createRefitSettings">The Refit settings (serializer, error handling) of the provider's clients.</param>
    /// <param name="tokens">The provider's token source (one per container: it is where tokens are cached).</param>
    /// <param name="resilienceDefaults">What the provider's resilience defaults differ in (see <see cref="ResilienceDefaults"/>).</param>
    /// <returns>The definition.</returns>
    public static ClientProviderDefinition WithBearerToken(
        string providerName,
        Action<IServiceProvider, HttpClient> configureHttpClient,
        Func<IServiceProvider, RefitSettings> createRefitSettings,
        Func<IServiceProvider, IAccessTokenSource> tokens,
        Action<ClientsResilienceOptions>? resilienceDefaults = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return new ClientProviderDefinition(
            providerName,
            configureHttpClient,
            createRefitSettings,
            sp => new BearerTokenHandler(tokens(sp), sp.GetService<ILogger<BearerTokenHandler>>(), providerName))
        {
            ResilienceDefaults = resilienceDefaults,
        };
    }

    /// <summary>Sets the base address (and anything else) of each client's <see cref="HttpClient"/>.</summary>
    public Action<IServiceProvider, HttpClient> ConfigureHttpClient { get; }

    /// <summary>The Refit settings of the provider's clients.</summary>
    public Func<IServiceProvider, RefitSettings> CreateRefitSettings { get; }

    /// <summary>Creates the provider's authentication handler.</summary>
    public Func<IServiceProvider, DelegatingHandler> CreateAuthHandler { get; }

    /// <summary>
    /// What the provider's resilience defaults differ in from <see cref="ClientsResilienceOptions"/>'s (for example
    /// Optimum's rate limit), applied by <see cref="ClientProviderBuilder.AddResilience"/> before the consumer's settings.
    /// </summary>
    public Action<ClientsResilienceOptions>? ResilienceDefaults { get; init; }
}

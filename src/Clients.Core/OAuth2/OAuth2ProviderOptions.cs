namespace Clients.Core.OAuth2;

/// <summary>
/// The settings every provider authenticated with OAuth2 bearer tokens has, once: its client, how the client
/// authenticates to the token endpoint, when tokens are renewed and how failed token requests are retried. A
/// provider's options derive from it and add where its API and token endpoint are.
/// </summary>
/// <remarks>Derived classes' <see cref="object.ToString"/> must never show <see cref="ClientSecret"/>.</remarks>
public abstract class OAuth2ProviderOptions
{
    /// <summary>Sets the defaults.</summary>
    /// <param name="tokenExpiryBuffer">The provider's default <see cref="TokenExpiryBuffer"/>.</param>
    protected OAuth2ProviderOptions(TimeSpan tokenExpiryBuffer) => TokenExpiryBuffer = tokenExpiryBuffer;

    /// <summary>The OAuth2 client id the provider issued.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth2 client secret the provider issued. A secret: never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>How the client authenticates to the token endpoint. Default: in the body, as the providers' guides show.</summary>
    public OAuth2ClientAuthentication ClientAuthentication { get; set; } = OAuth2ClientAuthentication.ClientSecretPost;

    /// <summary>How token requests are encoded. Default: form, as RFC 6749 says.</summary>
    public OAuth2RequestFormat TokenRequestFormat { get; set; } = OAuth2RequestFormat.Form;

    /// <summary>An explicit token endpoint, overriding the provider's default (<see cref="DefaultTokenUrl"/>).</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>How long before its announced expiry a token is renewed.</summary>
    public TimeSpan TokenExpiryBuffer { get; set; }

    /// <summary>How many times a token request that failed in transport or with 5xx is retried. Default 2.</summary>
    public int TokenRequestRetries { get; set; } = 2;

    /// <summary>The first delay between token request retries (doubling). Default 200 ms.</summary>
    public TimeSpan TokenRequestRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The base URL of the provider's API in effect.</summary>
    /// <returns>The URL, or <see langword="null"/> if the settings do not give one.</returns>
    public abstract Uri? ResolveApiBaseUrl();

    /// <summary>The token endpoint in effect: <see cref="TokenUrl"/>, else the provider's default.</summary>
    /// <returns>The URL, or <see langword="null"/> if the settings do not give one.</returns>
    public Uri? ResolveTokenUrl() => TokenUrl ?? DefaultTokenUrl();

    /// <summary>The provider's token endpoint when <see cref="TokenUrl"/> is not set (derived from other settings).</summary>
    /// <returns>The URL, or <see langword="null"/> if the settings do not give one.</returns>
    protected abstract Uri? DefaultTokenUrl();

    /// <summary>The token client these settings describe.</summary>
    /// <param name="providerName">The provider's name (token cache key, logs, telemetry).</param>
    /// <returns>The token client options.</returns>
    /// <exception cref="InvalidOperationException">The client id or the token endpoint is not set (the options validator reports it first at start).</exception>
    public OAuth2TokenClientOptions ToTokenClientOptions(string providerName) => new()
    {
        ProviderName = providerName,
        TokenEndpoint = ResolveTokenUrl() ?? throw new InvalidOperationException($"{providerName}: no token endpoint is configured."),
        ClientId = string.IsNullOrWhiteSpace(ClientId) ? throw new InvalidOperationException($"{providerName}:ClientId is not configured.") : ClientId,
        ClientSecret = ClientSecret,
        ClientAuthentication = ClientAuthentication,
        RequestFormat = TokenRequestFormat,
        MaxRetries = TokenRequestRetries,
        RetryDelay = TokenRequestRetryDelay,
    };
}

using Microsoft.Extensions.Logging;

namespace Clients.Core.OAuth2;

/// <summary>
/// Makes the token sources of the providers' OAuth2 grants, all on the shared <see cref="TokenCache"/>: a provider
/// states its grant and its token client options; the cache key, the named token <see cref="HttpClient"/>
/// (<see cref="HttpClientName"/>) and the loggers are the same for every provider.
/// </summary>
public sealed class OAuth2TokenSources
{
    private readonly TokenCache _cache;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _timeProvider;
    private readonly ILoggerFactory _loggerFactory;

    /// <summary>Creates the factory (registered by <c>Add{Provider}Clients</c>).</summary>
    /// <param name="cache">The token cache.</param>
    /// <param name="httpClientFactory">Creates the token endpoint's <see cref="HttpClient"/> (named <see cref="HttpClientName"/>).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="loggerFactory">Loggers; tokens and secrets are never logged.</param>
    internal OAuth2TokenSources(TokenCache cache, IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _cache = cache;
        _httpClientFactory = httpClientFactory;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
    }

    /// <summary>The name of the <see cref="HttpClient"/> a provider's token requests use: <c>Clients:{provider}:Token</c>.</summary>
    /// <param name="providerName">The provider's name.</param>
    /// <returns>The client name.</returns>
    public static string HttpClientName(string providerName) => "Clients:" + providerName + ":Token";

    /// <summary>Client-credentials tokens (RFC 6749 §4.4) for <paramref name="options"/>'s client.</summary>
    /// <param name="options">The token client: provider name, token endpoint, client id and secret, authentication and format.</param>
    /// <param name="scope">The scope requested, if any.</param>
    /// <param name="expiryBuffer">How long before the announced expiry a token stops being used.</param>
    /// <returns>The token source.</returns>
    public IAccessTokenSource ClientCredentials(OAuth2TokenClientOptions options, string? scope, TimeSpan expiryBuffer)
    {
        var key = Key(options, scope, user: null);
        return new ClientCredentialsTokenSource(_cache, TokenClient(options), key, expiryBuffer);
    }

    /// <summary>Resource-owner password tokens (RFC 6749 §4.3) for <paramref name="userName"/>, renewed with their refresh tokens.</summary>
    /// <param name="options">The token client: provider name, token endpoint, client id and secret, authentication and format.</param>
    /// <param name="userName">The user the tokens act as.</param>
    /// <param name="password">Reads the user's password when a new grant is needed (never stored by the token source).</param>
    /// <param name="expiryBuffer">How long before the announced expiry a token stops being used.</param>
    /// <returns>The token source.</returns>
    public IAccessTokenSource Password(OAuth2TokenClientOptions options, string userName, Func<string> password, TimeSpan expiryBuffer)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(password);
        var key = Key(options, scope: null, userName);
        return new ResourceOwnerPasswordTokenSource(
            _cache, TokenClient(options), key, password, expiryBuffer, _loggerFactory.CreateLogger<ResourceOwnerPasswordTokenSource>());
    }

    private static TokenCacheKey Key(OAuth2TokenClientOptions options, string? scope, string? user)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.TokenEndpoint
            ?? throw new InvalidOperationException($"{options.ProviderName}: the token endpoint is not set.");
        return new TokenCacheKey(options.ProviderName, endpoint, options.ClientId, scope, user);
    }

    private Func<OAuth2TokenClient> TokenClient(OAuth2TokenClientOptions options)
    {
        var name = HttpClientName(options.ProviderName);
        var logger = _loggerFactory.CreateLogger<OAuth2TokenClient>();
        return () => new OAuth2TokenClient(_httpClientFactory.CreateClient(name), options, _timeProvider, logger);
    }
}

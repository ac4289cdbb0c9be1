namespace Clients.Core.OAuth2;

/// <summary>Client-credentials tokens, cached and renewed through a <see cref="TokenCache"/>.</summary>
/// <remarks>
/// A client-credentials response should carry no refresh token (RFC 6749 §4.4.3): renewal is a new request.
/// </remarks>
internal sealed class ClientCredentialsTokenSource : CachedAccessTokenSource
{
    /// <summary>Creates the token source.</summary>
    /// <param name="cache">The token cache.</param>
    /// <param name="tokenClient">
    /// Creates the token client for each acquisition (acquisitions are rare; creating the client from
    /// <see cref="IHttpClientFactory"/> each time honours its handler rotation).
    /// </param>
    /// <param name="key">The token's identity in the cache.</param>
    /// <param name="expiryBuffer">How long before the announced expiry a token stops being used.</param>
    public ClientCredentialsTokenSource(TokenCache cache, Func<OAuth2TokenClient> tokenClient, TokenCacheKey key, TimeSpan expiryBuffer)
        : base(cache, key, Acquire(tokenClient, key, expiryBuffer))
    {
    }

    private static Func<AccessToken?, CancellationToken, Task<AccessToken>> Acquire(Func<OAuth2TokenClient> tokenClient, TokenCacheKey key, TimeSpan expiryBuffer)
    {
        ArgumentNullException.ThrowIfNull(tokenClient);
        ArgumentNullException.ThrowIfNull(key);
        return async (_, ct) =>
        {
            var token = await tokenClient().RequestTokenAsync(OAuth2TokenRequest.ClientCredentials(key.Scope), ct).ConfigureAwait(false);
            return AccessToken.FromResponse(token, expiryBuffer);
        };
    }
}

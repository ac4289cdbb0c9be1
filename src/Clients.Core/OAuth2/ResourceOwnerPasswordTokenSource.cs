using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clients.Core.OAuth2;

/// <summary>
/// Password-grant tokens renewed with their refresh token (rotating: each refresh may return a new refresh token, which
/// replaces the old one). A refresh refused with <c>invalid_grant</c> falls back to the password grant, once.
/// Renewals are single-flight through the <see cref="TokenCache"/>, so no caller refreshes with a stale refresh token.
/// </summary>
internal sealed partial class ResourceOwnerPasswordTokenSource : CachedAccessTokenSource
{
    /// <summary>Creates the token source.</summary>
    /// <param name="cache">The token cache.</param>
    /// <param name="tokenClient">Creates the token client for each acquisition.</param>
    /// <param name="key">The token's identity in the cache (its <see cref="TokenCacheKey.User"/> is the user name).</param>
    /// <param name="password">Returns the user's password when a password grant is needed (read late so it can rotate).</param>
    /// <param name="expiryBuffer">How long before the announced expiry a token stops being used.</param>
    /// <param name="logger">A logger; secrets are never logged.</param>
    public ResourceOwnerPasswordTokenSource(TokenCache cache, Func<OAuth2TokenClient> tokenClient, TokenCacheKey key, Func<string> password, TimeSpan expiryBuffer, ILogger<ResourceOwnerPasswordTokenSource>? logger = null)
        : base(cache, key, Acquire(tokenClient, key, password, expiryBuffer, (ILogger?)logger ?? NullLogger.Instance))
    {
    }

    private static Func<AccessToken?, CancellationToken, Task<AccessToken>> Acquire(Func<OAuth2TokenClient> tokenClient, TokenCacheKey key, Func<string> password, TimeSpan expiryBuffer, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(tokenClient);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(password);
        if (string.IsNullOrEmpty(key.User))
        {
            throw new ArgumentException("The cache key of a password-grant token must name its user.", nameof(key));
        }

        var user = key.User;
        return async (previous, ct) =>
        {
            var client = tokenClient();
            if (previous?.RefreshToken is { Length: > 0 } refreshToken)
            {
                try
                {
                    var refreshed = AccessToken.FromResponse(
                        await client.RequestTokenAsync(OAuth2TokenRequest.Refresh(refreshToken, key.Scope), ct).ConfigureAwait(false),
                        expiryBuffer);

                    // RFC 6749 §6: a new refresh token replaces the old one; without one, the old one stays valid.
                    return refreshed.RefreshToken is null
                        ? new AccessToken(refreshed.Value, refreshed.TokenType, refreshed.ExpiresAt, refreshToken, refreshed.RenewAt)
                        : refreshed;
                }
                catch (OAuth2Exception ex) when (ex.Error == OAuth2ErrorCodes.InvalidGrant)
                {
                    RefreshRefused(log, key.Provider, user);
                }
            }

            var token = await client.RequestTokenAsync(OAuth2TokenRequest.ResourceOwnerPassword(user, password(), key.Scope), ct).ConfigureAwait(false);
            return AccessToken.FromResponse(token, expiryBuffer);
        };
    }

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "{Provider}: the refresh token of {User} was refused (invalid_grant); using the password grant")]
    private static partial void RefreshRefused(ILogger logger, string provider, string user);
}

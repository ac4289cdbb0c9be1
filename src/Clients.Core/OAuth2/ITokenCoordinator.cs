namespace Clients.Core.OAuth2;

/// <summary>
/// Coordinates token acquisition across processes that share a token (a fleet). The <see cref="TokenCache"/> calls it
/// instead of acquiring directly, once per process and renewal (its own single-flight comes first).
/// </summary>
/// <remarks>
/// Implementations must keep calls working when the shared store is unavailable (acquire locally), and must never store
/// a token in clear. See <c>AddClientsFleetTokens</c> for the Redis implementation.
/// </remarks>
internal interface ITokenCoordinator
{
    /// <summary>
    /// Returns a token of <paramref name="key"/> that replaces <paramref name="stale"/>: one another process already
    /// stored, or one obtained with <paramref name="acquire"/> by the one process that wins the fleet-wide lock (and then
    /// stored for the others).
    /// </summary>
    /// <param name="key">The token's identity.</param>
    /// <param name="stale">The token being replaced (expired, due for renewal or rejected), or <see langword="null"/> when none is held.</param>
    /// <param name="acquire">Requests a token from the token endpoint; receives the token to refresh, if any.</param>
    /// <param name="cancellationToken">Cancels the acquisition.</param>
    /// <returns>The token to use.</returns>
    Task<AccessToken> AcquireAsync(TokenCacheKey key, AccessToken? stale, Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire, CancellationToken cancellationToken);
}

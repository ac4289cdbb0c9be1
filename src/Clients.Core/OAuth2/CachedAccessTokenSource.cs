namespace Clients.Core.OAuth2;

/// <summary>
/// An <see cref="IAccessTokenSource"/> whose tokens live in a <see cref="TokenCache"/>: one acquisition per key and
/// generation, however many callers; a rejected token moves the key to its next generation once.
/// The grant itself (how a token is acquired) is the derived class's.
/// </summary>
internal abstract class CachedAccessTokenSource : IAccessTokenSource
{
    private readonly TokenCache _cache;
    private readonly Func<AccessToken?, CancellationToken, Task<AccessToken>> _acquire;

    private protected CachedAccessTokenSource(TokenCache cache, TokenCacheKey key, Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(acquire);
        _cache = cache;
        _acquire = acquire;
        Key = key;
    }

    /// <summary>The token's identity in the cache.</summary>
    public TokenCacheKey Key { get; }

    /// <inheritdoc />
    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => _cache.GetTokenAsync(Key, _acquire, cancellationToken);

    /// <inheritdoc />
    public ValueTask<AccessToken> RenewTokenAsync(AccessToken rejected, CancellationToken cancellationToken)
    {
        _cache.Invalidate(Key, rejected);
        return _cache.GetTokenAsync(Key, _acquire, cancellationToken);
    }
}

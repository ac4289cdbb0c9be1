using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clients.Core.OAuth2;

/// <summary>
/// Caches access tokens per <see cref="TokenCacheKey"/> on <see cref="HybridCache"/>: any number of concurrent callers
/// cause one acquisition per key; failures are not cached; a token stops being handed out at its
/// <see cref="AccessToken.ExpiresAt"/> on the <see cref="TimeProvider"/>; a renewal after a rejection is single-flight too.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="HybridCache"/> gives single-flight per key but a fixed expiration chosen before the value exists, and
/// knows nothing of the injected clock. So each key carries a generation: the HybridCache key is
/// <c>{key}:{generation}</c>, and expiry (on the <see cref="TimeProvider"/>) or a 401 moves the key to the next generation,
/// exactly once however many callers notice it. One acquisition per generation is in flight in the process (callers
/// join it; a caller's cancellation stops its wait, not the acquisition), and it goes through HybridCache's
/// <c>GetOrCreateAsync</c>, so a second level shared by several processes is consulted before the token endpoint. The
/// creator then re-stores the entry with an expiration that follows the token's own lifetime.
/// </para>
/// <para>
/// The last good token of each key is also kept in a field and returned without touching HybridCache while it is valid:
/// the hot path is one dictionary lookup and one clock read.
/// </para>
/// </remarks>
public sealed class TokenCache
{
    private static readonly HybridCacheEntryOptions CreationOptions = new()
    {
        // Replaced by the token's own lifetime as soon as the token exists (see GetSlowAsync).
        Expiration = TimeSpan.FromMinutes(5),
        LocalCacheExpiration = TimeSpan.FromMinutes(5),
    };

    private readonly HybridCache _cache;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Creates a token cache.</summary>
    /// <param name="cache">The hybrid cache that stores the tokens (in memory, optionally with a distributed second level).</param>
    /// <param name="timeProvider">The clock used for expiry.</param>
    /// <param name="logger">A logger; tokens are never logged.</param>
    public TokenCache(HybridCache cache, TimeProvider? timeProvider = null, ILogger<TokenCache>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The clock used for expiry.</summary>
    public TimeProvider TimeProvider => _timeProvider;

    /// <summary>
    /// Returns the cached token of <paramref name="key"/>, or acquires one with <paramref name="acquire"/> (once for all
    /// concurrent callers). <paramref name="acquire"/> receives the token being replaced, if any, so that it can use its
    /// refresh token.
    /// </summary>
    /// <param name="key">The token's identity.</param>
    /// <param name="acquire">Acquires a new token; receives the previous token (or <see langword="null"/>).</param>
    /// <param name="cancellationToken">Cancels this caller's wait.</param>
    /// <returns>A token that is not expired (unless the server issued one that expires immediately).</returns>
    public ValueTask<AccessToken> GetTokenAsync(TokenCacheKey key, Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(acquire);
        var entry = _entries.GetOrAdd(key.CacheKey, static _ => new Entry());
        var current = Volatile.Read(ref entry.Current);
        if (current is not null && !current.IsExpired(_timeProvider.GetUtcNow()))
        {
            return new ValueTask<AccessToken>(current);
        }

        return GetSlowAsync(key, entry, acquire, cancellationToken);
    }

    /// <summary>
    /// Marks <paramref name="rejected"/> as refused by the API: if it is still the current token of <paramref name="key"/>,
    /// the next <see cref="GetTokenAsync"/> acquires a new one. Reporting the same token again (other concurrent
    /// requests that got a 401 with it) does nothing more.
    /// </summary>
    /// <param name="key">The token's identity.</param>
    /// <param name="rejected">The token the API refused.</param>
    public void Invalidate(TokenCacheKey key, AccessToken rejected)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(rejected);
        if (!_entries.TryGetValue(key.CacheKey, out var entry))
        {
            return;
        }

        string? staleKey = null;
        lock (entry)
        {
            if (entry.Current is not null && string.Equals(entry.Current.Value, rejected.Value, StringComparison.Ordinal))
            {
                staleKey = Advance(key, entry);
                TokenCacheLog.Invalidated(_logger, key.Provider, key.ClientId);
            }
        }

        if (staleKey is not null)
        {
            _ = RemoveQuietlyAsync(staleKey);
        }
    }

    private async ValueTask<AccessToken> GetSlowAsync(TokenCacheKey key, Entry entry, Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire, CancellationToken cancellationToken)
    {
        AccessToken? token = null;
        for (var round = 0; round < 3; round++)
        {
            Task<AccessToken> flight;
            TaskCompletionSource<AccessToken>? owned = null;
            long generation;
            AccessToken? previous;
            string? staleKey = null;
            lock (entry)
            {
                if (entry.Current is { } current)
                {
                    if (!current.IsExpired(_timeProvider.GetUtcNow()))
                    {
                        return current;
                    }

                    staleKey = Advance(key, entry);
                }

                if (entry.InFlight is { } existing)
                {
                    flight = existing;
                }
                else
                {
                    owned = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                    entry.InFlight = flight = owned.Task;
                }

                generation = entry.Generation;
                previous = entry.Previous;
            }

            if (owned is not null)
            {
                // Not tied to this caller's cancellation: other callers wait for the same acquisition.
                _ = AcquireAsync(key, entry, generation, previous, staleKey, acquire, owned);
            }

            token = await flight.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!token.IsExpired(_timeProvider.GetUtcNow()))
            {
                return token;
            }
        }

        // The server keeps issuing tokens that are expired on arrival: use the last one rather than loop forever.
        return token!;
    }

    private async Task AcquireAsync(
        TokenCacheKey key,
        Entry entry,
        long generation,
        AccessToken? previous,
        string? staleKey,
        Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire,
        TaskCompletionSource<AccessToken> completion)
    {
        try
        {
            if (staleKey is not null)
            {
                await RemoveQuietlyAsync(staleKey).ConfigureAwait(false);
            }

            var cacheKey = GenerationKey(key, generation);
            var creation = new Creation(acquire, previous, key, _logger);
            var token = await _cache.GetOrCreateAsync(
                cacheKey,
                creation,
                static (state, ct) => state.RunAsync(ct),
                CreationOptions,
                tags: null,
                CancellationToken.None).ConfigureAwait(false);

            lock (entry)
            {
                // An expired token (for example from a second level written by another process) becomes current
                // only so that the next caller moves past it.
                entry.Current = token;
                entry.InFlight = null;
            }

            completion.SetResult(token);

            var lifetime = token.ExpiresAt - _timeProvider.GetUtcNow();
            if (creation.Ran && lifetime > TimeSpan.Zero)
            {
                // Re-store with the token's own lifetime (the creation options could not know it).
                await _cache.SetAsync(cacheKey, token, new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime }, tags: null, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // Failures are not cached: the next caller starts a new acquisition.
            lock (entry)
            {
                if (ReferenceEquals(entry.InFlight, completion.Task))
                {
                    entry.InFlight = null;
                }
            }

            completion.TrySetException(ex);
        }
    }

    private static string Advance(TokenCacheKey key, Entry entry)
    {
        var stale = GenerationKey(key, entry.Generation);
        entry.Previous = entry.Current;
        entry.Current = null;
        entry.Generation++;
        return stale;
    }

    private static string GenerationKey(TokenCacheKey key, long generation) =>
        string.Concat(key.CacheKey, ":", generation.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private async Task RemoveQuietlyAsync(string cacheKey)
    {
        try
        {
            await _cache.RemoveAsync(cacheKey, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Removing a stale generation is housekeeping: its entry also expires on its own.
            TokenCacheLog.RemoveFailed(_logger, ex.GetType().Name);
        }
    }

    private sealed class Entry
    {
        public long Generation;
        public AccessToken? Current;
        public AccessToken? Previous;
        public Task<AccessToken>? InFlight;
    }

    private sealed class Creation(Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire, AccessToken? previous, TokenCacheKey key, ILogger logger)
    {
        public bool Ran { get; private set; }

        public async ValueTask<AccessToken> RunAsync(CancellationToken cancellationToken)
        {
            Ran = true;
            TokenCacheLog.Acquiring(logger, key.Provider, key.ClientId, previous is not null);
            return await acquire(previous, cancellationToken).ConfigureAwait(false);
        }
    }
}

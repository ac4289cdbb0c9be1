using System.Diagnostics;
using Clients.Core.OAuth2;
using Clients.Core.Telemetry;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Clients.Core.Fleet;

/// <summary>
/// Coordinates token acquisition across the processes of a fleet through Redis: one process per expiry (or rejection)
/// takes a short lock with an expiry and a fencing number, asks the token endpoint, and stores the token encrypted with
/// Data Protection; the others poll the shared entry and use the winner's token. When Redis is unavailable or slower
/// than <see cref="FleetTokenOptions.OperationTimeout"/>, each process acquires on its own (its own single-flight still
/// applies), so calls keep working.
/// </summary>
/// <remarks>
/// Fencing: every lock holder gets a number from an atomic counter; the token is written by a script only if the lock
/// still holds that number, so a holder that stalled past the lock's expiry cannot overwrite a newer token (and a newer
/// rotating refresh token) written by the next holder.
/// </remarks>
internal sealed partial class RedisTokenCoordinator : ITokenCoordinator
{
    // KEYS[1] lock, KEYS[2] token; ARGV[1] fence, ARGV[2] value, ARGV[3] ttl ms.
    private const string FencedWriteScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
          redis.call('DEL', KEYS[1])
          return 1
        end
        return 0
        """;

    // KEYS[1] lock; ARGV[1] fence.
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          return redis.call('DEL', KEYS[1])
        end
        return 0
        """;

    private readonly FleetRedisConnection _redis;
    private readonly ProtectedTokenSerializer _serializer;
    private readonly FleetTokenOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public RedisTokenCoordinator(FleetRedisConnection redis, ProtectedTokenSerializer serializer, FleetTokenOptions options, TimeProvider timeProvider, ILogger<RedisTokenCoordinator> logger)
    {
        _redis = redis;
        _serializer = serializer;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    public async Task<AccessToken> AcquireAsync(TokenCacheKey key, AccessToken? stale, Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(acquire);
        var activity = Activity.Current;
        var tokenKey = (RedisKey)key.CacheKey;
        var lockKey = (RedisKey)(key.CacheKey + ":lock");
        var fenceKey = (RedisKey)(key.CacheKey + ":fence");
        IDatabase db;
        AccessToken? shared;
        try
        {
            db = _redis.Database;
            shared = await ReadAsync(db, tokenKey).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            return await FallBackAsync(key, stale, acquire, ex, activity, cancellationToken).ConfigureAwait(false);
        }

        if (IsReplacement(shared, stale))
        {
            activity?.SetTag("clients.fleet.source", "shared");
            return shared!;
        }

        var deadline = _timeProvider.GetUtcNow() + _options.WaitTimeout;
        while (true)
        {
            long fence;
            bool won;
            try
            {
                fence = (long)await Timed(db.StringIncrementAsync(fenceKey)).ConfigureAwait(false);
                won = await Timed(db.StringSetAsync(lockKey, fence, _options.LockExpiry, When.NotExists)).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsRedisFailure(ex))
            {
                return await FallBackAsync(key, stale, acquire, ex, activity, cancellationToken).ConfigureAwait(false);
            }

            if (won)
            {
                return await AcquireAsWinnerAsync(db, key, tokenKey, lockKey, fence, stale, acquire, activity, cancellationToken).ConfigureAwait(false);
            }

            // Another process holds the lock: wait for the token it stores.
            try
            {
                while (true)
                {
                    await Task.Delay(_options.PollInterval, _timeProvider, cancellationToken).ConfigureAwait(false);
                    shared = await ReadAsync(db, tokenKey).ConfigureAwait(false);
                    if (IsReplacement(shared, stale))
                    {
                        activity?.SetTag("clients.fleet.source", "shared");
                        return shared!;
                    }

                    if (_timeProvider.GetUtcNow() >= deadline)
                    {
                        throw new TimeoutException("The fleet lock holder did not store a token in time.");
                    }

                    if (!await Timed(db.KeyExistsAsync(lockKey)).ConfigureAwait(false))
                    {
                        break; // the holder gave up (its acquisition failed) or died: compete again
                    }
                }
            }
            catch (Exception ex) when (IsRedisFailure(ex))
            {
                return await FallBackAsync(key, stale, acquire, ex, activity, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<AccessToken> AcquireAsWinnerAsync(
        IDatabase db,
        TokenCacheKey key,
        RedisKey tokenKey,
        RedisKey lockKey,
        long fence,
        AccessToken? stale,
        Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire,
        Activity? activity,
        CancellationToken cancellationToken)
    {
        AccessToken? previous = stale;
        try
        {
            // Double check: a previous holder may have stored a token between our read and our lock.
            var shared = await ReadAsync(db, tokenKey).ConfigureAwait(false);
            if (IsReplacement(shared, stale))
            {
                await ReleaseQuietlyAsync(db, lockKey, fence).ConfigureAwait(false);
                activity?.SetTag("clients.fleet.source", "shared");
                return shared!;
            }

            // Refresh with the newest refresh token the fleet has (a rotating one may have been replaced by another process).
            if (shared is not null)
            {
                previous = shared;
            }
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            FleetLog.RedisUnavailable(_logger, key.Provider, ex.GetType().Name);
        }

        AccessToken token;
        try
        {
            token = await acquire(previous, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseQuietlyAsync(db, lockKey, fence).ConfigureAwait(false);
            throw;
        }

        activity?.SetTag("clients.fleet.source", "token_endpoint");
        try
        {
            var ttl = token.ExpiresAt - _timeProvider.GetUtcNow();
            if (ttl > TimeSpan.Zero)
            {
                var stored = (long)await Timed(db.ScriptEvaluateAsync(
                    FencedWriteScript,
                    [lockKey, tokenKey],
                    [fence, _serializer.Protect(token), (long)Math.Ceiling(ttl.TotalMilliseconds)])).ConfigureAwait(false);
                if (stored == 0)
                {
                    FleetLog.FencedOut(_logger, key.Provider, fence);
                }
            }
            else
            {
                await ReleaseQuietlyAsync(db, lockKey, fence).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            // The token is good; only sharing it failed. Never acquire again for that (a refresh token would be reused).
            FleetLog.RedisUnavailable(_logger, key.Provider, ex.GetType().Name);
        }

        return token;
    }

    private async Task<AccessToken> FallBackAsync(TokenCacheKey key, AccessToken? stale, Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire, Exception why, Activity? activity, CancellationToken cancellationToken)
    {
        FleetLog.RedisUnavailable(_logger, key.Provider, why.GetType().Name);
        activity?.SetTag("clients.fleet.source", "local_fallback");

        // Without coordination several processes may hold the same rotating refresh token: presenting it from more
        // than one would look like token theft to a server with reuse detection (the whole family is revoked). So a
        // process on its own uses its primary grant (client credentials, password) instead.
        var withoutRefresh = stale is null || stale.RefreshToken is null
            ? stale
            : new AccessToken(stale.Value, stale.TokenType, stale.ExpiresAt, refreshToken: null, stale.RenewAt);
        return await acquire(withoutRefresh, cancellationToken).ConfigureAwait(false);
    }

    private async Task<AccessToken?> ReadAsync(IDatabase db, RedisKey tokenKey)
    {
        var value = await Timed(db.StringGetAsync(tokenKey)).ConfigureAwait(false);
        return value.IsNullOrEmpty ? null : _serializer.TryUnprotect((byte[])value!);
    }

    private async Task ReleaseQuietlyAsync(IDatabase db, RedisKey lockKey, long fence)
    {
        try
        {
            await Timed(db.ScriptEvaluateAsync(ReleaseScript, [lockKey], [fence])).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            // The lock expires on its own.
        }
    }

    private bool IsReplacement(AccessToken? shared, AccessToken? stale) =>
        shared is not null
        && !shared.IsRenewalDue(_timeProvider.GetUtcNow())
        && (stale is null || !string.Equals(shared.Value, stale.Value, StringComparison.Ordinal));

    private Task<T> Timed<T>(Task<T> operation) => operation.WaitAsync(_options.OperationTimeout, _timeProvider);

    private static bool IsRedisFailure(Exception ex) =>
        ex is RedisException or TimeoutException or ObjectDisposedException or System.Security.Cryptography.CryptographicException
        || ex.GetType().Namespace?.StartsWith("Microsoft.AspNetCore.DataProtection", StringComparison.Ordinal) == true;

    private static partial class FleetLog
    {
        [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "{Provider}: the fleet's Redis is unavailable ({Failure}); acquiring the token in this process only")]
        public static partial void RedisUnavailable(ILogger logger, string provider, string failure);

        [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "{Provider}: the fleet lock (fence {Fence}) expired before the token was stored; a newer holder's token is kept")]
        public static partial void FencedOut(ILogger logger, string provider, long fence);
    }
}

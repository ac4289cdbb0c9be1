using System.Collections.Concurrent;
using System.Diagnostics;
using Clients.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clients.Core.OAuth2;

/// <summary>
/// Caches access tokens per <see cref="TokenCacheKey"/>: any number of concurrent callers cause one acquisition per key;
/// a token that is still valid is always usable; failures are not cached.
/// </summary>
/// <remarks>
/// <para>
/// From <see cref="AccessToken.RenewAt"/> (expiry − buffer) on, the first caller starts one background renewal and every
/// caller keeps getting the current token: a failed or slow renewal never fails or delays a call while the token has not
/// expired. A failed background renewal is retried by a later call, after a backoff (1 s, doubling, at most 30 s). Only an
/// expired token (<see cref="AccessToken.ExpiresAt"/> on the <see cref="TimeProvider"/>) or one the API rejected
/// (<see cref="Invalidate"/>) makes callers wait, all of them for the same acquisition; its error then reaches them.
/// </para>
/// <para>
/// With an <see cref="ITokenCoordinator"/> (a fleet sharing Redis), each process's single acquisition goes through it, so
/// that one process per expiry asks the token endpoint and the others read the token it stored.
/// </para>
/// <para>The hot path is one dictionary lookup, one volatile read and one clock read.</para>
/// </remarks>
internal sealed class TokenCache
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ITokenCoordinator? _coordinator;
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Creates a token cache.</summary>
    /// <param name="timeProvider">The clock used for expiry and renewal.</param>
    /// <param name="logger">A logger; tokens are never logged.</param>
    /// <param name="coordinator">Coordinates acquisitions across a fleet, or <see langword="null"/> for this process alone.</param>
    public TokenCache(TimeProvider? timeProvider = null, ILogger<TokenCache>? logger = null, ITokenCoordinator? coordinator = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _coordinator = coordinator;
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
        if (current is not null)
        {
            var now = _timeProvider.GetUtcNow();
            if (!current.IsRenewalDue(now))
            {
                return new ValueTask<AccessToken>(current);
            }

            if (!current.IsExpired(now))
            {
                RenewInBackground(key, entry, current, acquire, now);
                return new ValueTask<AccessToken>(current);
            }
        }

        return GetSlowAsync(key, entry, acquire, cancellationToken);
    }

    /// <summary>
    /// Marks <paramref name="rejected"/> as refused by the API: if it is still the current token of <paramref name="key"/>,
    /// the next <see cref="GetTokenAsync"/> waits for a new one. Reporting the same token again (other concurrent
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

        lock (entry)
        {
            if (entry.Current is not null && string.Equals(entry.Current.Value, rejected.Value, StringComparison.Ordinal))
            {
                entry.Replaced = entry.Current;
                Volatile.Write(ref entry.Current, null);
                entry.PendingReason = RenewalReason.Rejected;
                TokenCacheLog.Invalidated(_logger, key.Provider, key.ClientId);
            }
        }
    }

    private void RenewInBackground(TokenCacheKey key, Entry entry, AccessToken current, Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire, DateTimeOffset now)
    {
        if (Volatile.Read(ref entry.InFlight) is not null || now < entry.NextBackgroundAttempt)
        {
            return;
        }

        lock (entry)
        {
            if (entry.InFlight is not null || now < entry.NextBackgroundAttempt || !ReferenceEquals(entry.Current, current))
            {
                return;
            }

            StartFlight(key, entry, current, acquire, RenewalReason.Proactive);
        }
    }

    private async ValueTask<AccessToken> GetSlowAsync(TokenCacheKey key, Entry entry, Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire, CancellationToken cancellationToken)
    {
        AccessToken? token = null;
        for (var round = 0; round < 3; round++)
        {
            Task<AccessToken> flight;
            lock (entry)
            {
                if (entry.Current is { } current && !current.IsExpired(_timeProvider.GetUtcNow()))
                {
                    return current;
                }

                flight = entry.InFlight ?? StartFlight(
                    key,
                    entry,
                    entry.Current ?? entry.Replaced,
                    acquire,
                    entry.Current is not null ? RenewalReason.Expired : entry.PendingReason);
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

    // Called under the entry's lock.
    private Task<AccessToken> StartFlight(TokenCacheKey key, Entry entry, AccessToken? previous, Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire, RenewalReason reason)
    {
        var completion = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref entry.InFlight, completion.Task);

        // Not tied to any caller's cancellation: other callers wait for the same acquisition.
        _ = AcquireAsync(key, entry, previous, acquire, reason, completion);
        return completion.Task;
    }

    private async Task AcquireAsync(
        TokenCacheKey key,
        Entry entry,
        AccessToken? previous,
        Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire,
        RenewalReason reason,
        TaskCompletionSource<AccessToken> completion)
    {
        await Task.Yield();
        var telemetry = ClientsTelemetry.For(key.Provider);
        var reasonText = ReasonText(reason);
        using var activity = telemetry.ActivitySource.StartActivity(previous is null ? "token.acquire" : "token.refresh", ActivityKind.Internal);
        activity?.SetTag("clients.provider", key.Provider);
        activity?.SetTag("clients.renewal.reason", reasonText);
        try
        {
            TokenCacheLog.Acquiring(_logger, key.Provider, key.ClientId, previous is not null);
            var token = _coordinator is null
                ? await acquire(previous, CancellationToken.None).ConfigureAwait(false)
                : await _coordinator.AcquireAsync(key, previous, acquire, CancellationToken.None).ConfigureAwait(false);
            lock (entry)
            {
                Volatile.Write(ref entry.Current, token);
                entry.Replaced = null;
                entry.PendingReason = RenewalReason.Initial;
                entry.BackgroundFailures = 0;
                entry.NextBackgroundAttempt = DateTimeOffset.MinValue;
                Volatile.Write(ref entry.InFlight, null);
            }

            if (previous is not null)
            {
                telemetry.TokenRenewals.Add(1, new("clients.renewal.reason", reasonText), new("clients.outcome", "success"));
            }

            completion.SetResult(token);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            activity?.SetTag("error.type", ex is OAuth2Exception oauth ? oauth.Error : ex.GetType().FullName);
            if (previous is not null)
            {
                telemetry.TokenRenewals.Add(1, new("clients.renewal.reason", reasonText), new("clients.outcome", "failure"));
            }

            lock (entry)
            {
                Volatile.Write(ref entry.InFlight, null);
                if (reason == RenewalReason.Proactive)
                {
                    // Failures are not cached; a background renewal is retried by a later call after a backoff.
                    entry.BackgroundFailures++;
                    var delay = TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(entry.BackgroundFailures - 1, 16)));
                    entry.NextBackgroundAttempt = _timeProvider.GetUtcNow() + delay;
                    TokenCacheLog.BackgroundRenewalFailed(_logger, key.Provider, key.ClientId, ex.Message, delay.TotalSeconds);
                }
            }

            completion.SetException(ex);

            // A background renewal nobody awaits must not surface as an unobserved task exception.
            _ = completion.Task.Exception;
        }
    }

    private static string ReasonText(RenewalReason reason) => reason switch
    {
        RenewalReason.Proactive => "proactive",
        RenewalReason.Expired => "expired",
        RenewalReason.Rejected => "rejected",
        _ => "initial",
    };

    private enum RenewalReason
    {
        Initial,
        Proactive,
        Expired,
        Rejected,
    }

    private sealed class Entry
    {
        public AccessToken? Current;
        public AccessToken? Replaced;
        public Task<AccessToken>? InFlight;
        public RenewalReason PendingReason;
        public int BackgroundFailures;
        public DateTimeOffset NextBackgroundAttempt = DateTimeOffset.MinValue;
    }
}

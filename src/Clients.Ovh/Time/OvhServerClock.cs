namespace Clients.Ovh;

/// <summary>
/// The difference between one OVH endpoint's clock and the local one, fetched lazily with a single request however
/// many callers ask at once, and re-fetched (once per stale value) when the server rejects a timestamp.
/// </summary>
internal sealed class OvhServerClock(TimeProvider timeProvider)
{
    private Task<long>? _delta;

    /// <summary>Local Unix seconds now.</summary>
    public long LocalNow => timeProvider.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>
    /// Returns the current delta task, starting the fetch if there is none (or the last one failed).
    /// The returned task is also the token to pass to <see cref="Invalidate"/>.
    /// </summary>
    /// <param name="fetchServerTime">Fetches the server's Unix time; only the caller that starts a fetch runs it.</param>
    public Task<long> GetDelta(Func<CancellationToken, Task<long>> fetchServerTime)
    {
        while (true)
        {
            var current = Volatile.Read(ref _delta);
            if (current is not null && !current.IsFaulted && !current.IsCanceled)
            {
                return current;
            }

            var source = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Interlocked.CompareExchange(ref _delta, source.Task, current) == current)
            {
                _ = FetchAsync(source, fetchServerTime);
                return source.Task;
            }
        }
    }

    /// <summary>Drops <paramref name="stale"/> so the next caller re-fetches; a newer value is kept.</summary>
    /// <param name="stale">The delta task whose value the server rejected.</param>
    public void Invalidate(Task<long> stale) => Interlocked.CompareExchange(ref _delta, null, stale);

    private async Task FetchAsync(TaskCompletionSource<long> source, Func<CancellationToken, Task<long>> fetchServerTime)
    {
        try
        {
            // Not the first caller's token: the fetch serves every waiting caller, each of which can stop waiting on its own.
            var serverTime = await fetchServerTime(CancellationToken.None).ConfigureAwait(false);
            source.SetResult(serverTime - LocalNow);
        }
        catch (Exception ex)
        {
            source.SetException(ex);
        }
    }
}

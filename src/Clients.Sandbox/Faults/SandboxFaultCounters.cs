namespace Clients.Sandbox;

/// <summary>How many requests passed through the fault injector and how many of each fault it injected (thread-safe).</summary>
public sealed class SandboxFaultCounters
{
    private long _requests;
    private long _resets;
    private long _unavailable;
    private long _throttled;
    private long _midBodyDrops;
    private long _stalls;
    private long _htmlPages;
    private long _truncated;

    /// <summary>Requests that passed through the injector.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Connection resets before sending.</summary>
    public long Resets => Interlocked.Read(ref _resets);

    /// <summary>503 answers.</summary>
    public long ServiceUnavailable => Interlocked.Read(ref _unavailable);

    /// <summary>429 answers.</summary>
    public long TooManyRequests => Interlocked.Read(ref _throttled);

    /// <summary>Bodies cut halfway by a connection reset.</summary>
    public long MidBodyDrops => Interlocked.Read(ref _midBodyDrops);

    /// <summary>Bodies that stalled halfway.</summary>
    public long Stalls => Interlocked.Read(ref _stalls);

    /// <summary>200 answers carrying an HTML page.</summary>
    public long HtmlPages => Interlocked.Read(ref _htmlPages);

    /// <summary>Chunked bodies ended before their last chunk.</summary>
    public long TruncatedChunked => Interlocked.Read(ref _truncated);

    /// <summary>All faults injected.</summary>
    public long Total => Resets + ServiceUnavailable + TooManyRequests + MidBodyDrops + Stalls + HtmlPages + TruncatedChunked;

    /// <inheritdoc />
    public override string ToString() =>
        $"{Requests} requests: {Resets} resets, {ServiceUnavailable} 503, {TooManyRequests} 429, {MidBodyDrops} mid-body drops, {Stalls} stalls, {HtmlPages} HTML pages, {TruncatedChunked} truncated chunked bodies";

    internal void Count(SandboxFault fault)
    {
        switch (fault)
        {
            case SandboxFault.Reset: Interlocked.Increment(ref _resets); break;
            case SandboxFault.ServiceUnavailable: Interlocked.Increment(ref _unavailable); break;
            case SandboxFault.TooManyRequests: Interlocked.Increment(ref _throttled); break;
            case SandboxFault.MidBodyDrop: Interlocked.Increment(ref _midBodyDrops); break;
            case SandboxFault.Stall: Interlocked.Increment(ref _stalls); break;
            case SandboxFault.HtmlPage: Interlocked.Increment(ref _htmlPages); break;
            case SandboxFault.TruncatedChunked: Interlocked.Increment(ref _truncated); break;
            default: break;
        }
    }

    internal void CountRequest() => Interlocked.Increment(ref _requests);
}

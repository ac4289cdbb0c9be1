namespace Clients.Sandbox;

/// <summary>
/// The draws of one <c>AddSandboxFaults</c> registration, shared by every handler instance the factory creates for it
/// (handlers are recycled; the sequence is not): seeded when asked, locked, and bounded by <see cref="SandboxFaultOptions.MaxFaults"/>.
/// </summary>
internal sealed class SandboxFaultDice(SandboxFaultOptions options)
{
    private readonly Random _random = options.Seed is { } seed ? new Random(seed) : new Random();
    private readonly Lock _gate = new();
    private long _injected;

    public SandboxFault Draw()
    {
        if (!options.Enabled)
        {
            return SandboxFault.None;
        }

        double roll;
        lock (_gate)
        {
            roll = _random.NextDouble();
        }

        var fault = Pick(roll);
        if (fault != SandboxFault.None && options.MaxFaults is { } max && Interlocked.Increment(ref _injected) > max)
        {
            return SandboxFault.None;
        }

        return fault;
    }

    private SandboxFault Pick(double roll)
    {
        (double Rate, SandboxFault Fault)[] table =
        [
            (options.ResetRate, SandboxFault.Reset),
            (options.ServiceUnavailableRate, SandboxFault.ServiceUnavailable),
            (options.TooManyRequestsRate, SandboxFault.TooManyRequests),
            (options.HtmlPageRate, SandboxFault.HtmlPage),
            (options.MidBodyDropRate, SandboxFault.MidBodyDrop),
            (options.StallRate, SandboxFault.Stall),
            (options.TruncatedChunkedRate, SandboxFault.TruncatedChunked),
        ];
        var threshold = 0.0;
        foreach (var (rate, fault) in table)
        {
            threshold += rate;
            if (roll < threshold)
            {
                return fault;
            }
        }

        return SandboxFault.None;
    }
}

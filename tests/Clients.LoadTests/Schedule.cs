using System.Globalization;

namespace Clients.LoadTests;

/// <summary>
/// The fault schedule, driven by progress: at 10 % of the calls both token endpoints go down for
/// <see cref="LoadOptions.OutageSeconds"/>; at 50 % (or 1 s after the outage, whichever is later) every token is
/// revoked; at 75 % (or 1 s after the revocation) the OVH server clock jumps 5 minutes.
/// </summary>
internal sealed class Schedule(LoadOptions options, ChildProcess emulators)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<string> _fired = [];
    private TimeSpan? _outageStart;
    private TimeSpan? _outageEnd;
    private TimeSpan? _revokedAt;
    private TimeSpan? _skewedAt;

    public bool AllFired => _outageEnd is not null && _revokedAt is not null && _skewedAt is not null;

    public async Task ProgressAsync(int done, TimeSpan now)
    {
        var progress = (double)done / options.Calls;
        if (AllFired || !Due(progress, now) || !await _gate.WaitAsync(0).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            if (_outageStart is null && progress >= 0.10)
            {
                _outageStart = now;
                await Fire("tokens-down 1", $"token endpoints down at {now.TotalSeconds:F1} s").ConfigureAwait(false);
            }
            else if (_outageStart is { } start && _outageEnd is null && now - start >= TimeSpan.FromSeconds(options.OutageSeconds))
            {
                _outageEnd = now;
                await Fire("tokens-down 0", $"up again at {now.TotalSeconds:F1} s").ConfigureAwait(false);
            }
            else if (_outageEnd is { } end && _revokedAt is null && progress >= 0.5 && now - end >= TimeSpan.FromSeconds(1))
            {
                _revokedAt = now;
                await Fire("revoke", $"all tokens revoked at {now.TotalSeconds:F1} s").ConfigureAwait(false);
            }
            else if (_revokedAt is { } revoked && _skewedAt is null && progress >= 0.75 && now - revoked >= TimeSpan.FromSeconds(1))
            {
                _skewedAt = now;
                await Fire("skew 300", $"OVH clock +300 s at {now.TotalSeconds:F1} s").ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task EndAsync()
    {
        if (_outageStart is not null && _outageEnd is null)
        {
            await Fire("tokens-down 0", "up again at the end (outage not finished)").ConfigureAwait(false);
        }
    }

    public string Describe() => _fired.Count == 0 ? "none" : string.Join("; ", _fired);

    private bool Due(double progress, TimeSpan now) =>
        (_outageStart is null && progress >= 0.10)
        || (_outageStart is { } s && _outageEnd is null && now - s >= TimeSpan.FromSeconds(options.OutageSeconds))
        || (_outageEnd is not null && _revokedAt is null && progress >= 0.5)
        || (_revokedAt is not null && _skewedAt is null && progress >= 0.75);

    private async Task Fire(string command, string description)
    {
        await emulators.CommandAsync(command).ConfigureAwait(false);
        _fired.Add(description.ToString(CultureInfo.InvariantCulture));
    }
}

using System.Collections.Concurrent;

namespace Clients.Ovh;

/// <summary>One <see cref="OvhServerClock"/> per endpoint, shared by every handler of the container.</summary>
internal sealed class OvhServerClocks(TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, OvhServerClock> _clocks = new(StringComparer.OrdinalIgnoreCase);

    public OvhServerClock For(Uri endpoint) =>
        _clocks.GetOrAdd(endpoint.GetLeftPart(UriPartial.Authority), static (_, tp) => new OvhServerClock(tp), timeProvider);
}

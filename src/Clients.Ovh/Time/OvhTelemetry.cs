using System.Diagnostics.Metrics;
using Clients.Core.Telemetry;

namespace Clients.Ovh.Time;

/// <summary>What only OVH records, on the provider's meter (<c>Clients.Ovh</c>).</summary>
internal static class OvhTelemetry
{
    /// <summary><c>clients.ovh.time_syncs</c>: server time synchronisations, by <c>clients.sync.reason</c>.</summary>
    public static readonly Counter<long> TimeSyncs = ClientsTelemetry.For("Ovh").Meter
        .CreateCounter<long>(TimeSyncsInstrument.Name, TimeSyncsInstrument.Unit, TimeSyncsInstrument.Description);
}

using System.Text.Json.Serialization;

namespace Clients.Benchmarks.Wire;

/// <summary>The baseline: <c>vps.VPS.StateEnum</c> as the generator emitted it before open enums (a C# enum).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClosedVpsState>))]
public enum ClosedVpsState
{
    /// <summary><c>backuping</c></summary>
    [JsonStringEnumMemberName("backuping")] Backuping,
    /// <summary><c>installing</c></summary>
    [JsonStringEnumMemberName("installing")] Installing,
    /// <summary><c>maintenance</c></summary>
    [JsonStringEnumMemberName("maintenance")] Maintenance,
    /// <summary><c>rebooting</c></summary>
    [JsonStringEnumMemberName("rebooting")] Rebooting,
    /// <summary><c>rescued</c></summary>
    [JsonStringEnumMemberName("rescued")] Rescued,
    /// <summary><c>running</c></summary>
    [JsonStringEnumMemberName("running")] Running,
    /// <summary><c>stopped</c></summary>
    [JsonStringEnumMemberName("stopped")] Stopped,
    /// <summary><c>stopping</c></summary>
    [JsonStringEnumMemberName("stopping")] Stopping,
    /// <summary><c>upgrading</c></summary>
    [JsonStringEnumMemberName("upgrading")] Upgrading,
}

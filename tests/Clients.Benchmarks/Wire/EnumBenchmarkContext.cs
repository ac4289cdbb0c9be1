using System.Text.Json.Serialization;
using Clients.Ovh.Models;

namespace Clients.Benchmarks.Wire;

/// <summary>Source-generated metadata for both sides of <see cref="OpenEnumBenchmarks"/>.</summary>
[JsonSerializable(typeof(ClosedVpsState[]))]
[JsonSerializable(typeof(VpsVpsStateEnum[]))]
internal sealed partial class EnumBenchmarkContext : JsonSerializerContext
{
}

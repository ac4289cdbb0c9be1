using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Clients.Benchmarks.Optimum;
using Clients.Ovh.Models;

namespace Clients.Benchmarks.Wire;

/// <summary>
/// Deserialization cost of an open enum (the generated <see cref="VpsVpsStateEnum"/> struct) against the closed C# enum
/// the generator emitted before (<see cref="ClosedVpsState"/>, JsonStringEnumConverter): 64 values of a VPS state.
/// Run: <c>dotnet run -c Release --project tests/Clients.Benchmarks -- --filter '*OpenEnumBenchmarks*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ShortInProcessConfig))]
public class OpenEnumBenchmarks
{
    private static readonly string[] States = ["running", "stopped", "installing", "rebooting", "maintenance", "upgrading", "rescued", "backuping"];

    private static readonly byte[] Payload = Encoding.UTF8.GetBytes(
        "[" + string.Join(",", Enumerable.Range(0, 64).Select(i => "\"" + States[i % States.Length] + "\"")) + "]");

    /// <summary>The closed C# enum.</summary>
    /// <returns>The values.</returns>
    [Benchmark(Baseline = true)]
    public ClosedVpsState[] Closed() => JsonSerializer.Deserialize(Payload, EnumBenchmarkContext.Default.ClosedVpsStateArray)!;

    /// <summary>The open enum struct.</summary>
    /// <returns>The values.</returns>
    [Benchmark]
    public VpsVpsStateEnum[] Open() => JsonSerializer.Deserialize(Payload, EnumBenchmarkContext.Default.VpsVpsStateEnumArray)!;
}

using System.Diagnostics;
using System.Globalization;

namespace Clients.Benchmarks.Optimum;

/// <summary>
/// The <see cref="ClientVsRawBenchmarks"/> comparison measured in interleaved pairs, for a machine whose speed drifts
/// (shared cores, other guests): BenchmarkDotNet measures all of one benchmark's iterations, then all of the next one's,
/// so a slow minute lands on one side only. Here every round times one block of the raw baseline and one block of the
/// generated client and one of Refit's own stub over the same HTTP client (<see cref="ClientVsRawBenchmarks.RefitStub"/>),
/// back to back in an order that cycles, so a drift hits every side of the same round; the result is the median of the
/// per-round ratios with a bootstrap 95 % interval, and allocated bytes per call. A fourth side, the generated client with
/// <c>AddResilience()</c> (<see cref="ClientVsRawBenchmarks.GeneratedWithResilience"/>: the pipeline, whose innermost
/// step reads each body inside the attempt), is measured in the same rounds.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/Clients.Benchmarks -- --paired [rounds] [blocks per side]</c> (defaults
/// 40 and 4; each block is one invocation of the benchmark method, 64 calls). The clients, the emulator process and
/// the calls are exactly those of <see cref="ClientVsRawBenchmarks"/> (its own setup and benchmark methods are called).
/// </remarks>
public static class PairedClientVsRaw
{
    /// <summary>Runs the comparison for concurrency 1 and 64, OpenTelemetry off and on, and prints a table.</summary>
    /// <param name="rounds">Pairs measured per row.</param>
    /// <param name="blocks">Benchmark invocations (64 calls each) per side per round.</param>
    /// <returns>A task.</returns>
    public static async Task RunAsync(int rounds, int blocks)
    {
        Console.WriteLine($"Interleaved rounds: {rounds}, {blocks} x 64 calls per side per round, order cycling; ratio = raw time / client time in the same round (throughput relative to raw), median over rounds [bootstrap 95 % interval].");
        Console.WriteLine("| concurrency | OTel | raw µs/call | generated µs/call | Refit stub µs/call | generated + AddResilience() µs/call | generated/raw | Refit stub/raw | generated + AddResilience()/raw | raw B/call | generated B/call | Refit stub B/call | generated + AddResilience() B/call |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var concurrency in new[] { 1, 64 })
        {
            foreach (var telemetry in new[] { false, true })
            {
                var bench = new ClientVsRawBenchmarks { Concurrency = concurrency, OpenTelemetry = telemetry };
                bench.Setup();
                try
                {
                    var row = await MeasureAsync(bench, rounds, blocks);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {concurrency} | {(telemetry ? "on" : "off")} | {row.Raw:F1} | {row.Generated:F1} | {row.RefitStub:F1} | {row.Resilient:F1} | **{row.GeneratedRatio:F3}×** [{row.GeneratedInterval.Low:F3}–{row.GeneratedInterval.High:F3}] | {row.RefitRatio:F3}× [{row.RefitInterval.Low:F3}–{row.RefitInterval.High:F3}] | {row.ResilientRatio:F3}× [{row.ResilientInterval.Low:F3}–{row.ResilientInterval.High:F3}] | {row.RawBytes:F0} | {row.GeneratedBytes:F0} | {row.RefitBytes:F0} | {row.ResilientBytes:F0} |"));
                }
                finally
                {
                    bench.Cleanup();
                }
            }
        }
    }

    private static async Task<Row> MeasureAsync(ClientVsRawBenchmarks bench, int rounds, int blocks)
    {
        const int CallsPerBlock = 64;
        Func<Task>[] sides = [bench.RawCalls, bench.Generated, bench.RefitStub, bench.GeneratedWithResilience];
        var perCall = sides.Select(_ => new List<double>()).ToArray();
        var bytes = new long[sides.Length];
        var generatedRatios = new List<double>();
        var refitRatios = new List<double>();
        var resilientRatios = new List<double>();

        // Two unmeasured rounds first (tiered JIT, connection pools at their working size).
        for (var warm = 0; warm < 2; warm++)
        {
            foreach (var side in sides)
            {
                await TimeAsync(side, blocks);
            }
        }

        // The order of the sides cycles through their rotations and the reversed rotations, so none is always first or last.
        int[][] orders = [[0, 1, 2, 3], [1, 2, 3, 0], [2, 3, 0, 1], [3, 0, 1, 2], [3, 2, 1, 0], [0, 3, 2, 1], [1, 0, 3, 2], [2, 1, 0, 3]];
        for (var round = 0; round < rounds; round++)
        {
            var times = new double[sides.Length];
            foreach (var index in orders[round % orders.Length])
            {
                var (time, allocated) = await TimeAsync(sides[index], blocks);
                times[index] = time;
                bytes[index] += allocated;
                perCall[index].Add(time / (blocks * CallsPerBlock));
            }

            generatedRatios.Add(times[0] / times[1]);
            refitRatios.Add(times[0] / times[2]);
            resilientRatios.Add(times[0] / times[3]);
        }

        var calls = (double)rounds * blocks * CallsPerBlock;
        return new Row(
            Median(perCall[0]), Median(perCall[1]), Median(perCall[2]),
            Median(generatedRatios), BootstrapMedianInterval(generatedRatios),
            Median(refitRatios), BootstrapMedianInterval(refitRatios),
            bytes[0] / calls, bytes[1] / calls, bytes[2] / calls,
            Median(perCall[3]), Median(resilientRatios), BootstrapMedianInterval(resilientRatios), bytes[3] / calls);
    }

    private static async Task<(double Microseconds, long Bytes)> TimeAsync(Func<Task> invocation, int blocks)
    {
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < blocks; i++)
        {
            await invocation().ConfigureAwait(false);
        }

        var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        return (elapsed, GC.GetTotalAllocatedBytes(precise: true) - bytes);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    // Percentile bootstrap of the median (2,000 resamples, fixed seed: the same data gives the same interval).
    private static (double Low, double High) BootstrapMedianInterval(List<double> values)
    {
        var random = new Random(20261202);
        var medians = new double[2000];
        var sample = new List<double>(values.Count);
        for (var i = 0; i < medians.Length; i++)
        {
            sample.Clear();
            for (var j = 0; j < values.Count; j++)
            {
                sample.Add(values[random.Next(values.Count)]);
            }

            medians[i] = Median(sample);
        }

        Array.Sort(medians);
        return (medians[(int)(medians.Length * 0.025)], medians[(int)(medians.Length * 0.975) - 1]);
    }

    private sealed record Row(
        double Raw,
        double Generated,
        double RefitStub,
        double GeneratedRatio,
        (double Low, double High) GeneratedInterval,
        double RefitRatio,
        (double Low, double High) RefitInterval,
        double RawBytes,
        double GeneratedBytes,
        double RefitBytes,
        double Resilient,
        double ResilientRatio,
        (double Low, double High) ResilientInterval,
        double ResilientBytes);
}

using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using Perfolizer.Metrology;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Clients.Benchmarks.Optimum;

/// <summary>
/// BenchmarkDotNet's short run (one launch, three warm-ups), with ten measured iterations instead of three because
/// the shared machine is noisy, run in process (no separate build of a boilerplate project); sizes in bytes.
/// <c>CLIENTS_BENCH_ITERATIONS=N</c> measures N iterations instead (tighter errors, longer runs);
/// <c>CLIENTS_BENCH_ORDER=alphabetical</c> runs a class's methods in alphabetical instead of declaration order (to see
/// whether the order favours one side on a machine whose speed drifts).
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ShortInProcessConfig()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("CLIENTS_BENCH_ITERATIONS"), out var n) && n > 0 ? n : 10;
        AddJob(Job.ShortRun.WithIterationCount(iterations).WithToolchain(InProcessEmitToolchain.Instance));

        // Allocations in bytes: the goals are stated in bytes per call.
        SummaryStyle = SummaryStyle.Default.WithSizeUnit(SizeUnit.B);
        if (Environment.GetEnvironmentVariable("CLIENTS_BENCH_ORDER") == "alphabetical")
        {
            Orderer = new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Default, BenchmarkDotNet.Order.MethodOrderPolicy.Alphabetical);
        }
    }
}

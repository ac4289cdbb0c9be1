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
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ShortInProcessConfig()
    {
        AddJob(Job.ShortRun.WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance));

        // Allocations in bytes: the goals are stated in bytes per call.
        SummaryStyle = SummaryStyle.Default.WithSizeUnit(SizeUnit.B);
    }
}

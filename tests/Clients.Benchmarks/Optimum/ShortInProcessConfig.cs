using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Clients.Benchmarks.Optimum;

/// <summary>
/// BenchmarkDotNet's short run (one launch, three warm-ups), with ten measured iterations instead of three because
/// the shared machine is noisy, run in process (no separate build of a boilerplate project).
/// </summary>
public sealed class ShortInProcessConfig : ManualConfig
{
    /// <summary>Creates the configuration.</summary>
    public ShortInProcessConfig() => AddJob(Job.ShortRun.WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance));
}

using BenchmarkDotNet.Running;

namespace Clients.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project tests/Clients.Benchmarks -- --filter '*'</c>.</summary>
public static class BenchmarkProgram
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet switches.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}

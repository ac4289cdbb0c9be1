using BenchmarkDotNet.Running;

namespace Clients.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project tests/Clients.Benchmarks -- --filter '*'</c>.</summary>
public static class BenchmarkProgram
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet switches, or <c>--paired [rounds] [blocks]</c> for <see cref="Optimum.PairedClientVsRaw"/>.</param>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--paired")
        {
            var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40;
            var blocks = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 4;
            Optimum.PairedClientVsRaw.RunAsync(rounds, blocks).GetAwaiter().GetResult();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}

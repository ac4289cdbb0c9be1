namespace Clients.Regen.Bench;

/// <summary>Placeholder replaced below.</summary>
internal static class BenchRunner
{
    public static Task<int> RunAsync(Pipeline.RegenOptions options, TextWriter output)
    {
        output.WriteLine(options.Root);
        return Task.FromResult(0);
    }
}

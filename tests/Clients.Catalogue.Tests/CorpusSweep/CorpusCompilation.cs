using System.Collections.Concurrent;
using Clients.Catalogue.Tests.AllOperations;
using Clients.Regen.Tests;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>
/// Compiles the generated clients of many documents the way a consumer's build does (see
/// <see cref="GeneratedClientAssembly.TryCompile"/>: System.Text.Json's, Refit's and the project's generators, Refit's
/// analyzers, warnings as errors), one document per compilation, two compilations at a time. Documents cannot share a
/// compilation: each document's contracts come with a context named <c>OptimumJsonSerializerContext</c> (in its own
/// namespace), and System.Text.Json's source generator names its files by the context's simple name (CS8785, "the
/// hintName … must be unique") — a batch of documents always failed as a whole and was compiled again per document.
/// </summary>
internal static class CorpusCompilation
{
    /// <summary>Per document identifier: the loaded clients, or the diagnostics that kept them from compiling.</summary>
    public static IReadOnlyDictionary<string, (CompiledClients? Clients, IReadOnlyList<string> Problems)> Run(
        IReadOnlyList<(CorpusDocument Document, IReadOnlyDictionary<string, string> Files)> generated, int parallelism = 2)
    {
        var results = new ConcurrentDictionary<string, (CompiledClients?, IReadOnlyList<string>)>(StringComparer.Ordinal);
        var timings = new ConcurrentBag<string>();

        // The largest first, so the two compilations running at once end together.
        Parallel.ForEach(
            generated.OrderByDescending(g => Size(g.Files)),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            item =>
            {
                var name = "Clients.Corpus." + item.Document.Identifier;
                var attempt = GeneratedClientAssembly.TryCompile(name, item.Files, [], withRefitAnalyzers: true);
                timings.Add($"{name} ({Size(item.Files) / 1024} KiB of generated source): {attempt.Timings}");
                results[item.Document.Identifier] = attempt.Image is not null && attempt.Problems.Count == 0
                    ? (attempt.Load(), [])
                    : (null, attempt.Problems);
            });
        Timings = timings.ToList();
        return results;
    }

    /// <summary>The timings of the compilations of the last <see cref="Run"/> (one line each).</summary>
    public static IReadOnlyList<string> Timings { get; private set; } = [];

    private static long Size(IReadOnlyDictionary<string, string> files) => files.Values.Sum(f => (long)f.Length);
}

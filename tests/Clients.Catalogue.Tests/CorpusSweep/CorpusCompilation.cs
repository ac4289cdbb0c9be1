using System.Collections.Concurrent;
using Clients.Catalogue.Tests.AllOperations;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>
/// Compiles the generated clients of many documents the way a consumer's build does (see
/// <see cref="GeneratedClientAssembly.TryCompile"/>: System.Text.Json's, Refit's and the project's generators, Refit's
/// analyzers, warnings as errors), several documents per compilation (each in its own namespace), two compilations at a
/// time; a batch that does not compile cleanly is compiled again document by document, so each diagnostic is charged to
/// its own document and the others still load.
/// </summary>
internal static class CorpusCompilation
{
    private const int MaxBatchCharacters = 1_500_000;
    private const int MaxBatchDocuments = 12;

    /// <summary>Per document identifier: the loaded clients, or the diagnostics that kept them from compiling.</summary>
    public static IReadOnlyDictionary<string, (CompiledClients? Clients, IReadOnlyList<string> Problems)> Run(
        IReadOnlyList<(CorpusDocument Document, IReadOnlyDictionary<string, string> Files)> generated, int parallelism = 2)
    {
        var batches = new List<List<(CorpusDocument Document, IReadOnlyDictionary<string, string> Files)>>();
        foreach (var item in generated.OrderByDescending(g => Size(g.Files)))
        {
            var batch = batches.FirstOrDefault(b => b.Count < MaxBatchDocuments && b.Sum(x => Size(x.Files)) + Size(item.Files) <= MaxBatchCharacters);
            if (batch is null)
            {
                batches.Add(batch = []);
            }

            batch.Add(item);
        }

        var results = new ConcurrentDictionary<string, (CompiledClients?, IReadOnlyList<string>)>(StringComparer.Ordinal);
        Parallel.ForEach(
            batches.Select((b, i) => (Batch: b, Index: i)),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            item =>
            {
                var files = item.Batch.SelectMany(x => x.Files).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
                var attempt = GeneratedClientAssembly.TryCompile($"Clients.Corpus.Batch{item.Index}", files, [], withRefitAnalyzers: true);
                if (attempt.Image is not null && attempt.Problems.Count == 0)
                {
                    var clients = attempt.Load();
                    foreach (var (document, _) in item.Batch)
                    {
                        results[document.Identifier] = (clients, []);
                    }

                    return;
                }

                foreach (var (document, own) in item.Batch)
                {
                    var alone = item.Batch.Count == 1 ? attempt : GeneratedClientAssembly.TryCompile("Clients.Corpus." + document.Identifier, own, [], withRefitAnalyzers: true);
                    results[document.Identifier] = alone.Image is not null && alone.Problems.Count == 0 ? (alone.Load(), []) : (null, alone.Problems);
                }
            });
        return results;
    }

    private static long Size(IReadOnlyDictionary<string, string> files) => files.Values.Sum(f => (long)f.Length);
}

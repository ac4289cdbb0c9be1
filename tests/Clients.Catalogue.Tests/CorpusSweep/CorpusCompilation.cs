using System.Collections.Concurrent;
using Clients.Catalogue.Tests.AllOperations;
using Clients.Regen.Tests;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>
/// Compiles the generated clients of many documents the way a consumer's build does (see
/// <see cref="GeneratedClientAssembly.TryCompile"/>: System.Text.Json's, Refit's and the project's generators, Refit's
/// analyzers, warnings as errors), several documents per compilation (each in its own namespace), two compilations at a
/// time; from a batch that does not compile cleanly, the documents its diagnostics belong to are set aside and the rest
/// compiles again, so each diagnostic is charged to its own document and the others still load.
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
        var timings = new ConcurrentBag<string>();
        Parallel.ForEach(
            batches.Select((b, i) => (Batch: b, Index: i)),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            item => CompileBatch($"Clients.Corpus.Batch{item.Index}", item.Batch, results, timings));
        Timings = timings.ToList();
        return results;
    }

    /// <summary>The timings of the compilations of the last <see cref="Run"/> (one line each).</summary>
    public static IReadOnlyList<string> Timings { get; private set; } = [];

    /// <summary>
    /// One compilation of the batch; when it does not compile cleanly, each diagnostic is charged to the document whose
    /// files (or whose generated clients) it is in, those documents are set aside, and the rest compiles again; a
    /// diagnostic no document owns sends every document of the batch to its own compilation.
    /// </summary>
    private static void CompileBatch(
        string name,
        IReadOnlyList<(CorpusDocument Document, IReadOnlyDictionary<string, string> Files)> batch,
        ConcurrentDictionary<string, (CompiledClients?, IReadOnlyList<string>)> results,
        ConcurrentBag<string> timings)
    {
        var files = batch.SelectMany(x => x.Files).ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        var attempt = GeneratedClientAssembly.TryCompile(name, files, [], withRefitAnalyzers: true);
        timings.Add($"{name} ({batch.Count} documents, {files.Values.Sum(f => (long)f.Length) / 1024} KiB of generated source): {attempt.Timings}");
        if (attempt.Image is not null && attempt.Problems.Count == 0)
        {
            var clients = attempt.Load();
            foreach (var (document, _) in batch)
            {
                results[document.Identifier] = (clients, []);
            }

            return;
        }

        var owners = attempt.Problems.Select(p => (Problem: p, Owner: batch.FirstOrDefault(x => Owns(x.Document, p)).Document)).ToList();
        if (owners.Any(o => o.Owner is null) || batch.Count == 1)
        {
            // Said in the timings: a diagnostic no document owns costs a compilation per document.
            timings.Add($"{name}: {owners.Count(o => o.Owner is null)} diagnostic(s) no document owns, each document compiled on its own; first: "
                        + string.Join(" | ", owners.Where(o => o.Owner is null).Take(3).Select(o => o.Problem)));

            foreach (var item in batch)
            {
                if (batch.Count == 1)
                {
                    results[item.Document.Identifier] = (null, attempt.Problems);
                }
                else
                {
                    CompileBatch(name + "." + item.Document.Identifier, [item], results, timings);
                }
            }

            return;
        }

        foreach (var failed in owners.GroupBy(o => o.Owner!.Identifier, StringComparer.Ordinal))
        {
            results[failed.Key] = (null, failed.Select(o => o.Problem).ToList());
        }

        var rest = batch.Where(x => !results.ContainsKey(x.Document.Identifier)).ToList();
        if (rest.Count > 0)
        {
            CompileBatch(name + "'", rest, results, timings);
        }
    }

    // A document's files are keyed "{Identifier}/…"; the generator's output for its interfaces names their namespace
    // (Clients.Corpus.{Identifier}.Optimum → "…_Corpus_{Identifier}_Optimum_…").
    private static bool Owns(CorpusDocument document, string problem) =>
        problem.StartsWith(document.Identifier + "/", StringComparison.Ordinal)
        || problem.Contains("_" + document.Identifier + "_", StringComparison.Ordinal)
        || problem.Contains("." + document.Identifier + ".", StringComparison.Ordinal);

    private static long Size(IReadOnlyDictionary<string, string> files) => files.Values.Sum(f => (long)f.Length);
}

using System.Text.RegularExpressions;
using Clients.Regen.Tests;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>What RegenClients made of one corpus document: the generated files, or why nothing was generated.</summary>
/// <param name="Namespace">The consumer namespace its interfaces went to.</param>
/// <param name="Files">The generated files keyed <c>{document}/{file}</c> (null when generation failed).</param>
/// <param name="Failure">RegenClients' error (its REGEN001 line), when it failed.</param>
internal sealed partial record CorpusGeneration(string Namespace, IReadOnlyDictionary<string, string>? Files, string? Failure)
{
    /// <summary>Generated Refit methods (one per operation generated).</summary>
    public int Operations => Files?.Values.Sum(f => RefitVerb().Count(f)) ?? 0;

    /// <summary>
    /// Generates <paramref name="document"/> exactly as a consumer's project does with its own document
    /// (<c>&lt;OptimumDocument Include="file" /&gt;</c>, i.e. <c>Clients.Regen regen --optimum-document FILE --namespace NS
    /// --generated DIR</c>): the RegenClients pipeline, run in a scratch folder standing for the consumer's project.
    /// </summary>
    public static async Task<CorpusGeneration> RunAsync(CorpusDocument document, string scratch)
    {
        var project = Path.Combine(scratch, document.Identifier);
        var ns = "Clients.Corpus." + document.Identifier;
        int exit;
        string log;
        IReadOnlyDictionary<string, string>? files;
        try
        {
            (exit, log, files) = await GeneratedConsumerClients.RegenerateAsync(document.Path, project, ns);
        }
        catch (Exception exception)
        {
            return new CorpusGeneration(ns + ".Optimum", null, $"RegenClients threw {exception.GetType().Name}: {exception.Message}");
        }

        if (exit != 0)
        {
            var error = log.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Contains("error", StringComparison.Ordinal)) ?? log.Trim();
            return new CorpusGeneration(ns + ".Optimum", null, error);
        }

        return new CorpusGeneration(ns + ".Optimum", files!.ToDictionary(f => document.Identifier + "/" + f.Key, f => f.Value, StringComparer.Ordinal), null);
    }

    [GeneratedRegex(@"\[global::Refit\.(Get|Post|Put|Delete|Patch|Head|Options)\(")]
    private static partial Regex RefitVerb();
}

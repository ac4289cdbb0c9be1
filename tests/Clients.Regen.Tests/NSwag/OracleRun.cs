using System.Diagnostics;
using System.Text;
using Clients.Regen.Model;
using Xunit.Abstractions;

namespace Clients.Regen.Tests.NSwag;

/// <summary>Runs the NSwag oracle over a set of documents and checks the result against the divergence file.</summary>
internal static class OracleRun
{
    public static async Task AssertOnlyListedDivergencesAsync(IReadOnlyList<(ProviderDefinition Provider, SpecInput Input)> documents, ITestOutputHelper output, string? divergenceFile = null)
    {
        var watch = Stopwatch.StartNew();
        var divergences = new List<Divergence>();
        var tallies = new SortedDictionary<string, OracleTally>(StringComparer.Ordinal);
        foreach (var (provider, input) in documents)
        {
            var tally = tallies.TryGetValue(provider.Name, out var t) ? t : tallies[provider.Name] = new OracleTally();
            tally.Documents++;
            divergences.AddRange(await NSwagOracle.CompareAsync(provider, input, tally));
        }

        foreach (var (provider, tally) in tallies)
        {
            output.WriteLine($"{provider}: {tally}");
        }

        output.WriteLine($"{divergences.Count} divergences in {watch.Elapsed.TotalSeconds:F1} s");
        foreach (var divergence in divergences)
        {
            output.WriteLine("  " + divergence);
        }

        tallies.Values.Sum(t => t.Properties).Should().BePositive("the oracle must have compared something");
        var file = DivergenceFile.Load(divergenceFile ?? DivergenceFile.DefaultPath);
        var (unlisted, stale) = file.Check(divergences, documents.Select(d => d.Provider.Name + ":" + d.Input.Key).ToList());
        var message = new StringBuilder();
        if (unlisted.Count > 0)
        {
            message.AppendLine($"{unlisted.Count} divergence(s) from NSwag that nswag-divergences.txt does not list (fix the generator or list them with a reason):");
            foreach (var divergence in unlisted)
            {
                message.AppendLine("  " + divergence);
            }
        }

        if (stale.Count > 0)
        {
            message.AppendLine($"{stale.Count} stale entr(y/ies) in nswag-divergences.txt (no longer occur: remove them):");
            foreach (var entry in stale)
            {
                message.AppendLine("  " + entry);
            }
        }

        message.ToString().Should().BeEmpty();
    }
}

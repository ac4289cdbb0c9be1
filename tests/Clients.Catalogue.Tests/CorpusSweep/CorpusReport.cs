using System.Text;
using Clients.Catalogue.Tests.AllOperations;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>The corpus figures as Markdown: one row per document, totals, then each failure with its reason.</summary>
internal static class CorpusReport
{
    public static string Table(IReadOnlyList<CorpusRow> rows, TimeSpan elapsed, string timings)
    {
        var text = new StringBuilder();
        text.AppendLine($"Corpus sweep: {rows.Count} documents in {elapsed.TotalSeconds:0.0} s ({timings})");
        text.AppendLine();
        text.AppendLine("| document | form | operations | generated | compiled | called | succeeded | failures |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine($"| {row.Document.Name} | {row.Form} | {row.Declared?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} | {row.Generated} | {row.Compiled} | "
                            + $"{(row.Calls is null ? "–" : row.Calls.Count)} | {(row.Calls is null ? "–" : row.Calls.Count(c => c.Outcome == CallOutcome.Succeeded))} | {row.AllFailures.Count()} |");
        }

        text.AppendLine($"| **total** | | {rows.Sum(r => r.Declared ?? 0)}{(rows.Any(r => r.Declared is null) ? "+?" : "")} | {rows.Sum(r => r.Generated)} | {rows.Sum(r => r.Compiled)} | "
                        + $"{rows.Sum(r => r.Calls?.Count ?? 0)} | {rows.Sum(r => r.Calls?.Count(c => c.Outcome == CallOutcome.Succeeded) ?? 0)} | {rows.Sum(r => r.AllFailures.Count())} |");
        text.AppendLine();
        foreach (var reason in rows.Where(r => r.NotCalled is not null).GroupBy(r => r.NotCalled))
        {
            text.AppendLine($"Not called ({reason.Count()} documents): {reason.Key}.");
        }

        foreach (var row in rows.Where(r => r.AllFailures.Any()))
        {
            text.AppendLine($"- {row.Document.Name}:");
            foreach (var failure in row.AllFailures)
            {
                text.AppendLine("  - " + failure.Replace('\n', ' '));
            }
        }

        // Not failures (a sample id the emulator's data does not have, …), listed so a change in them shows.
        foreach (var row in rows.Where(r => r.Calls?.Any(c => c.Outcome == CallOutcome.ServerAnswered) == true))
        {
            text.AppendLine($"- {row.Document.Name}, server answers (not failures):");
            foreach (var answered in row.Calls!.Where(c => c.Outcome == CallOutcome.ServerAnswered))
            {
                text.AppendLine("  - " + answered);
            }
        }

        return text.ToString();
    }

    /// <summary>One line for the CI log.</summary>
    public static string Summary(IReadOnlyList<CorpusRow> rows) =>
        $"corpus: {rows.Count} documents, {rows.Sum(r => r.Declared ?? 0)} operations declared (+{rows.Count(r => r.Declared is null)} documents not counted), "
        + $"{rows.Sum(r => r.Generated)} generated, {rows.Sum(r => r.Compiled)} compiled, {rows.Sum(r => r.Calls?.Count ?? 0)} called, "
        + $"{rows.Count(r => r.AllFailures.Any())} documents with failures";
}

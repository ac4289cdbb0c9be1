using System.Globalization;
using System.Text;

namespace Clients.SpecTools;

/// <summary>The semantic differences between two versions of one provider's documents, in a deterministic order.</summary>
/// <param name="Provider">The provider compared.</param>
/// <param name="Changes">Every change, ordered by document, then subject, then detail (ordinal).</param>
public sealed record SpecDiffReport(string Provider, IReadOnlyList<SpecChange> Changes)
{
    /// <summary>Whether anything changed semantically.</summary>
    public bool HasChanges => Changes.Count > 0;

    /// <summary>Whether at least one change is breaking.</summary>
    public bool HasBreakingChanges => Changes.Any(c => c.Breaking);

    /// <summary>
    /// A readable summary: a headline with counts per kind, then the breaking changes, then the non-breaking ones,
    /// one change per line. Identical inputs give identical text.
    /// </summary>
    /// <returns>The summary, with <c>\n</c> line endings.</returns>
    public string ToText() => ToText(null);

    /// <summary>
    /// <see cref="ToText()"/>, with extra lines under each change (indented, after an arrow): for example the generated
    /// members a change touches.
    /// </summary>
    /// <param name="annotate">Lines to show under a change; null or empty for none.</param>
    /// <returns>The summary, with <c>\n</c> line endings.</returns>
    public string ToText(Func<SpecChange, IReadOnlyList<string>?>? annotate)
    {
        var text = new StringBuilder();
        var breaking = Changes.Where(c => c.Breaking).ToList();
        var nonBreaking = Changes.Where(c => !c.Breaking).ToList();
        if (!HasChanges)
        {
            return Invariant($"{Provider}: no semantic changes\n");
        }

        text.Append(Invariant($"{Provider}: {Changes.Count} change{Plural(Changes.Count)} ({breaking.Count} breaking, {nonBreaking.Count} non-breaking)"));
        var documents = Changes.Select(c => c.Document).Distinct(StringComparer.Ordinal).Count();
        text.Append(Invariant($" in {documents} document{Plural(documents)}\n"));
        var counts = Changes
            .GroupBy(c => c.Kind)
            .OrderBy(g => g.Key)
            .Select(g => Invariant($"{g.Key} {g.Count()}"));
        text.Append("  ").Append(string.Join(", ", counts)).Append('\n');
        AppendSection(text, "BREAKING", breaking, annotate);
        AppendSection(text, "non-breaking", nonBreaking, annotate);
        return text.ToString();
    }

    private static void AppendSection(StringBuilder text, string title, List<SpecChange> changes, Func<SpecChange, IReadOnlyList<string>?>? annotate)
    {
        if (changes.Count == 0)
        {
            return;
        }

        text.Append(Invariant($"{title} ({changes.Count}):\n"));
        foreach (var change in changes)
        {
            text.Append("  ").Append(change.Document).Append(": ").Append(change.Subject).Append(": ").Append(change.Detail);
            if (change.AffectedOperations.Count > 0)
            {
                const int shown = 3;
                var names = string.Join(", ", change.AffectedOperations.Take(shown));
                var more = change.AffectedOperations.Count > shown ? Invariant($" and {change.AffectedOperations.Count - shown} more") : string.Empty;
                text.Append(" [affects ").Append(names).Append(more).Append(']');
            }

            text.Append('\n');
            foreach (var line in annotate?.Invoke(change) ?? [])
            {
                text.Append("      → ").Append(line).Append('\n');
            }
        }
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;
using System.Text;
using Clients.SpecTools;

namespace Clients.Regen.Drift;

/// <summary>Renders what CheckSpecDrift found, as console text and as Markdown (a CI job summary or a pull-request comment).</summary>
internal static class DriftReport
{
    private const int MembersShownInText = 40;

    public static int Outcome(IReadOnlyList<ProviderDrift> providers) =>
        providers.Any(static p => p.IsInvalid) ? DriftOutcome.Error
        : providers.Any(static p => p.Drifted && p.Breaking) ? DriftOutcome.Breaking
        : providers.Any(static p => p.Drifted) ? DriftOutcome.NonBreaking
        : DriftOutcome.NoDrift;

    public static string ToText(IReadOnlyList<ProviderDrift> providers)
    {
        var text = new StringBuilder();
        foreach (var provider in providers)
        {
            if (provider.Skipped is { } reason)
            {
                text.Append(provider.Provider).Append(": not checked: ").Append(reason).Append('\n');
                continue;
            }

            if (!provider.Drifted)
            {
                text.Append(Invariant($"{provider.Provider}: no drift ({provider.DocumentCount} document(s) match the lock, the generated code is current)\n"));
                continue;
            }

            text.Append(provider.Provider).Append(": ").Append(Headline(provider)).Append('\n');
            foreach (var invalid in provider.Invalid)
            {
                text.Append("  INVALID ").Append(invalid).Append('\n');
            }

            foreach (var document in provider.Documents)
            {
                text.Append("  ").Append(document).Append('\n');
            }

            if (provider.Diff is { } diff)
            {
                foreach (var line in diff.ToText(c => provider.Members.GetValueOrDefault(c)).TrimEnd('\n').Split('\n'))
                {
                    text.Append("  ").Append(line).Append('\n');
                }
            }

            if (provider.MemberChanges.Count > 0)
            {
                text.Append(Invariant($"  generated C# members that regeneration changes ({provider.MemberChanges.Count}):\n"));
                foreach (var member in provider.MemberChanges.Take(MembersShownInText))
                {
                    text.Append("    ").Append(member).Append('\n');
                }

                if (provider.MemberChanges.Count > MembersShownInText)
                {
                    text.Append(Invariant($"    … and {provider.MemberChanges.Count - MembersShownInText} more (the Markdown report lists all)\n"));
                }
            }

            if (provider.StaleFiles.Count > 0)
            {
                text.Append("  stale generated files (run `dotnet build -t:RegenClients`):\n");
                foreach (var file in provider.StaleFiles)
                {
                    text.Append("    ").Append(file).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    public static string ToMarkdown(IReadOnlyList<ProviderDrift> providers)
    {
        var md = new StringBuilder();
        var outcome = Outcome(providers);
        md.Append("# Spec drift: ").Append(outcome switch
        {
            DriftOutcome.NoDrift => "none",
            DriftOutcome.NonBreaking => "non-breaking changes only",
            DriftOutcome.Breaking => "BREAKING changes",
            _ => "INVALID documents",
        }).Append("\n\n");
        md.Append("| provider | result | documents | breaking | non-breaking | generated members | stale files |\n|---|---|---|---|---|---|---|\n");
        foreach (var p in providers)
        {
            var breaking = p.Diff?.Changes.Count(static c => c.Breaking) ?? 0;
            var nonBreaking = p.Diff?.Changes.Count(static c => !c.Breaking) ?? 0;
            md.Append(Invariant($"| {p.Provider} | {(p.Skipped is not null ? "not checked" : p.Drifted ? Headline(p) : "no drift")} | {p.DocumentCount} | {breaking} | {nonBreaking} | {p.MemberChanges.Count} | {p.StaleFiles.Count} |\n"));
        }

        foreach (var p in providers.Where(static p => p.Drifted || p.Skipped is not null))
        {
            md.Append("\n## ").Append(p.Provider).Append(": ").Append(p.Skipped is null ? Headline(p) : "not checked").Append("\n\n");
            if (p.Skipped is { } reason)
            {
                md.Append(Cell(reason)).Append("\n");
                continue;
            }

            foreach (var invalid in p.Invalid)
            {
                md.Append("- **INVALID** ").Append(Cell(invalid)).Append('\n');
            }

            foreach (var document in p.Documents)
            {
                md.Append("- ").Append(Cell(document.Trim())).Append('\n');
            }

            if (p.Diff is { HasChanges: true } diff)
            {
                md.Append("\n| | document | subject | change | generated C# members |\n|---|---|---|---|---|\n");
                foreach (var change in diff.Changes.OrderByDescending(static c => c.Breaking))
                {
                    var members = p.Members.GetValueOrDefault(change) ?? [];
                    md.Append("| ").Append(change.Breaking ? "**BREAKING**" : "non-breaking")
                        .Append(" | ").Append(Cell(change.Document))
                        .Append(" | `").Append(Cell(change.Subject)).Append('`')
                        .Append(" | ").Append(Cell(change.Detail))
                        .Append(" | ").Append(string.Join("<br>", members.Select(static m => "`" + Cell(m) + "`")))
                        .Append(" |\n");
                }
            }

            if (p.MemberChanges.Count > 0)
            {
                md.Append(Invariant($"\n<details><summary>Generated C# members that regeneration changes ({p.MemberChanges.Count})</summary>\n\n"));
                foreach (var member in p.MemberChanges)
                {
                    md.Append("- `").Append(Cell(member.Name)).Append("` ").Append(Cell(member.What)).Append('\n');
                }

                md.Append("\n</details>\n");
            }

            if (p.StaleFiles.Count > 0)
            {
                md.Append(Invariant($"\n<details><summary>Stale generated files ({p.StaleFiles.Count}): run <code>dotnet build -t:RegenClients</code></summary>\n\n"));
                foreach (var file in p.StaleFiles)
                {
                    md.Append("- ").Append(Cell(file)).Append('\n');
                }

                md.Append("\n</details>\n");
            }
        }

        return md.ToString();
    }

    private static string Headline(ProviderDrift p)
    {
        if (p.IsInvalid)
        {
            return Invariant($"INVALID document(s) ({p.Invalid.Count}); nothing compared");
        }

        var breaking = p.Diff?.Changes.Count(static c => c.Breaking) ?? 0;
        var nonBreaking = p.Diff?.Changes.Count(static c => !c.Breaking) ?? 0;
        return p.Breaking
            ? Invariant($"DRIFT, BREAKING ({breaking} breaking, {nonBreaking} non-breaking change(s))")
            : Invariant($"DRIFT, non-breaking ({nonBreaking} non-breaking change(s))");
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}

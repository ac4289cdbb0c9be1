using System.Text.RegularExpressions;
using Clients.Regen.Emit;
using Clients.SpecTools;

namespace Clients.Regen.Drift;

/// <summary>
/// Names, for each semantic change of a provider's documents, the generated C# members it touches: the interface methods
/// whose route is the changed operation, the contract type of a changed schema and the property of a changed schema
/// property, each with what regeneration does to it (removed, added, signature changed, or unchanged).
/// </summary>
internal static partial class ChangedMembers
{
    public static IReadOnlyDictionary<SpecChange, IReadOnlyList<string>> Map(
        SpecDiffReport diff,
        IReadOnlyDictionary<string, GeneratedMember> before,
        IReadOnlyDictionary<string, GeneratedMember> after,
        IReadOnlyList<MemberChange> changes)
    {
        var byName = changes.ToDictionary(static c => c.Name, StringComparer.Ordinal);
        var all = before.Values.Concat(after.Values).ToList();
        var result = new Dictionary<SpecChange, IReadOnlyList<string>>();
        foreach (var change in diff.Changes)
        {
            var names = change.Kind switch
            {
                SpecChangeKind.OperationAdded or SpecChangeKind.OperationRemoved or SpecChangeKind.OperationChanged => Methods(all, change.Subject),
                SpecChangeKind.SchemaAdded or SpecChangeKind.SchemaRemoved or SpecChangeKind.SchemaChanged => SchemaMembers(all, change),
                _ => DocumentInterfaces(changes, before, after),
            };
            var described = names.Distinct(StringComparer.Ordinal)
                .Select(name => byName.TryGetValue(name, out var memberChange) ? memberChange.ToString() : name + " (signature unchanged)")
                .ToList();
            if (described.Count > 0)
            {
                result[change] = described;
            }
        }

        return result;
    }

    /// <summary>Methods whose Refit route is <paramref name="subject"/> (<c>GET /domain/zone/{zoneName}</c>); parameter names and a version prefix are ignored.</summary>
    private static IEnumerable<string> Methods(List<GeneratedMember> members, string subject)
    {
        var wanted = Blank(subject);
        var space = wanted.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return [];
        }

        // OVH's v2 documents name paths without the version (/iam/policy); the generated routes carry it (/v2/iam/policy).
        var versioned = wanted[..space] + " /v2" + wanted[(space + 1)..];
        return members
            .Where(m => m.Route is { } route && Blank(route) is var r && (r == wanted || r == versioned))
            .Select(static m => m.Name)
            .Order(StringComparer.Ordinal);
    }

    /// <summary>The contract type of a schema (<c>domain.zone.Record</c> → <c>DomainZoneRecord</c>) and, for a property change, that property.</summary>
    private static IEnumerable<string> SchemaMembers(List<GeneratedMember> members, SpecChange change)
    {
        const string prefix = "schema ";
        if (!change.Subject.StartsWith(prefix, StringComparison.Ordinal))
        {
            return [];
        }

        var type = Naming.Pascal(change.Subject[prefix.Length..]);
        if (members.All(m => m.Name != type))
        {
            return [];
        }

        var property = PropertyName().Match(change.Detail);
        if (change.Kind != SpecChangeKind.SchemaChanged || !property.Success)
        {
            return [type];
        }

        var jsonName = property.Groups[1].Value;
        var matches = members.Where(m => m.Name.StartsWith(type + ".", StringComparison.Ordinal) && m.JsonName == jsonName).Select(static m => m.Name).ToList();
        return matches.Count > 0 ? matches : [type];
    }

    /// <summary>For a document added or removed: the interfaces that appear or disappear with it.</summary>
    private static IEnumerable<string> DocumentInterfaces(IReadOnlyList<MemberChange> changes, IReadOnlyDictionary<string, GeneratedMember> before, IReadOnlyDictionary<string, GeneratedMember> after) =>
        changes.Where(c => (before.GetValueOrDefault(c.Name) ?? after.GetValueOrDefault(c.Name))?.Signature == "interface").Select(static c => c.Name);

    private static string Blank(string value) => Parameter().Replace(value, "{}");

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"property '([^']+)'")]
    private static partial Regex PropertyName();
}

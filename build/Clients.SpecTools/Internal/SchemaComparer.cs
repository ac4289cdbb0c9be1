using System.Text.Json;

namespace Clients.SpecTools.Internal;

/// <summary>
/// Structural comparison of two schemas, classifying each difference by the direction the data flows.
/// <para>
/// Two references to the same named schema are not descended into: the named schema is compared once, on its own,
/// with the directions of every operation that reaches it (see <see cref="SchemaUsage"/>), so a change of a shared
/// schema is reported once instead of once per operation. References to <em>different</em> names are resolved and
/// compared structurally; a pair of names already being compared is not entered again, which makes recursive schemas
/// (OVH has many) safe.
/// </para>
/// </summary>
internal sealed class SchemaComparer(SpecDocumentModel before, SpecDocumentModel after)
{
    private const int MaxDepth = 64;
    private const int MaxListedValues = 8;

    private readonly HashSet<(string Before, string After)> _inProgress = [];

    /// <summary>Compares two schema nodes as they appear in place (a parameter's schema, a body, a property).</summary>
    public void Compare(JsonElement beforeSchema, JsonElement afterSchema, SchemaDirection direction, string prefix, List<SchemaFinding> findings) =>
        Compare(SchemaView.Of(before, beforeSchema), SchemaView.Of(after, afterSchema), Normalize(direction), prefix, string.Empty, findings, 0);

    /// <summary>Compares the bodies of two named schemas (the component itself, not a reference to it).</summary>
    public void CompareComponents(string name, SchemaDirection direction, List<SchemaFinding> findings)
    {
        Compare(SchemaView.Of(before, before.Schemas[name]), SchemaView.Of(after, after.Schemas[name]), Normalize(direction), string.Empty, string.Empty, findings, 0);
    }

    private static SchemaDirection Normalize(SchemaDirection direction) => direction == SchemaDirection.None ? SchemaDirection.Both : direction;

    private static bool Affects(SchemaDirection direction, SchemaDirection when) => (direction & when) != 0;

    private void Compare(SchemaView b, SchemaView a, SchemaDirection direction, string prefix, string path, List<SchemaFinding> findings, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (b.SchemaName is not null && string.Equals(b.SchemaName, a.SchemaName, StringComparison.Ordinal))
        {
            // The same named schema: only the wrappers' flags here, the schema itself is compared on its own.
            CompareFlags(b, a, direction, prefix, path, findings);
            return;
        }

        b = b.WithTargetFlags();
        a = a.WithTargetFlags();
        if (b.Unresolved is not null || a.Unresolved is not null)
        {
            CompareFlags(b, a, direction, prefix, path, findings);
            if (!string.Equals(b.Unresolved, a.Unresolved, StringComparison.Ordinal))
            {
                Add(findings, prefix, path, $"schema {Name(b)} → {Name(a)}", a.Unresolved is not null);
            }

            return;
        }

        if (b.SchemaName is null && a.SchemaName is null)
        {
            CompareFlags(b, a, direction, prefix, path, findings);
            CompareShape(b.Element, a.Element, direction, prefix, path, findings, depth + 1);
            return;
        }

        var pair = (b.SchemaName ?? "(inline)", a.SchemaName ?? "(inline)");
        if (b.SchemaName is not null && a.SchemaName is not null && !_inProgress.Add((b.SchemaName, a.SchemaName)))
        {
            return;
        }

        var nested = new List<SchemaFinding>();
        CompareFlags(b, a, direction, prefix, path, nested);
        CompareShape(b.Element, a.Element, direction, prefix, path, nested, depth + 1);
        _inProgress.Remove((pair.Item1, pair.Item2));
        Add(findings, prefix, path, nested.Count == 0
            ? $"schema {Name(b)} → {Name(a)} (structurally identical)"
            : $"schema {Name(b)} → {Name(a)}", false);
        findings.AddRange(nested);
    }

    private static string Name(SchemaView view) =>
        view.Unresolved is not null ? $"(unresolvable $ref '{view.Unresolved}')" : view.SchemaName ?? "(inline)";

    private static void CompareFlags(SchemaView b, SchemaView a, SchemaDirection direction, string prefix, string path, List<SchemaFinding> findings)
    {
        if (b.Nullable != a.Nullable)
        {
            // A reader must now handle null; a writer may no longer send it.
            Add(findings, prefix, path, a.Nullable ? "now nullable" : "no longer nullable",
                a.Nullable ? Affects(direction, SchemaDirection.Response) : Affects(direction, SchemaDirection.Request));
        }

        if (b.Deprecated != a.Deprecated)
        {
            Add(findings, prefix, path, a.Deprecated ? "deprecated" : "no longer deprecated", false);
        }
    }

    private void CompareShape(JsonElement b, JsonElement a, SchemaDirection direction, string prefix, string path, List<SchemaFinding> findings, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        var typeBefore = TypeOf(b);
        var typeAfter = TypeOf(a);
        if (!string.Equals(typeBefore, typeAfter, StringComparison.Ordinal))
        {
            Add(findings, prefix, path, $"type {typeBefore ?? "any"} → {typeAfter ?? "any"}", true);
            return;
        }

        var formatBefore = SpecDocumentModel.String(b, "format");
        var formatAfter = SpecDocumentModel.String(a, "format");
        if (!string.Equals(formatBefore, formatAfter, StringComparison.Ordinal))
        {
            Add(findings, prefix, path, $"format {formatBefore ?? "none"} → {formatAfter ?? "none"}", true);
        }

        CompareEnum(b, a, direction, prefix, path, findings);
        CompareProperties(b, a, direction, prefix, path, findings, depth);

        var itemsBefore = SpecDocumentModel.Property(b, "items");
        var itemsAfter = SpecDocumentModel.Property(a, "items");
        if (itemsBefore is { } ib && itemsAfter is { } ia)
        {
            Compare(SchemaView.Of(before, ib), SchemaView.Of(after, ia), direction, prefix, path + "[]", findings, depth + 1);
        }
        else if (itemsBefore.HasValue != itemsAfter.HasValue)
        {
            Add(findings, prefix, path, itemsAfter.HasValue ? "items schema added" : "items schema removed", true);
        }

        CompareAdditionalProperties(b, a, direction, prefix, path, findings, depth);
        foreach (var keyword in (string[])["allOf", "oneOf", "anyOf"])
        {
            CompareComposition(keyword, b, a, direction, prefix, path, findings, depth);
        }
    }

    private void CompareProperties(JsonElement b, JsonElement a, SchemaDirection direction, string prefix, string path, List<SchemaFinding> findings, int depth)
    {
        var propertiesBefore = Properties(b);
        var propertiesAfter = Properties(a);
        if (propertiesBefore.Count == 0 && propertiesAfter.Count == 0)
        {
            return;
        }

        var requiredBefore = Required(b);
        var requiredAfter = Required(a);
        foreach (var name in propertiesBefore.Keys.Union(propertiesAfter.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var propertyPath = path.Length == 0 ? name : $"{path}.{name}";
            var inBefore = propertiesBefore.TryGetValue(name, out var propertyBefore);
            var inAfter = propertiesAfter.TryGetValue(name, out var propertyAfter);
            var flow = PropertyDirection(direction, inAfter ? propertyAfter : propertyBefore);
            if (!inBefore)
            {
                var required = requiredAfter.Contains(name);
                Add(findings, prefix, propertyPath, required ? "added, required" : "added", required && Affects(flow, SchemaDirection.Request));
                continue;
            }

            if (!inAfter)
            {
                Add(findings, prefix, propertyPath, "removed", true);
                continue;
            }

            var wasRequired = requiredBefore.Contains(name);
            var isRequired = requiredAfter.Contains(name);
            if (wasRequired != isRequired)
            {
                // A writer must now send it; a reader may no longer get it.
                Add(findings, prefix, propertyPath, isRequired ? "now required" : "no longer required",
                    isRequired ? Affects(flow, SchemaDirection.Request) : Affects(flow, SchemaDirection.Response));
            }

            Compare(SchemaView.Of(before, propertyBefore), SchemaView.Of(after, propertyAfter), flow, prefix, propertyPath, findings, depth + 1);
        }
    }

    /// <summary>A read-only property is never written by the caller, a write-only one never read.</summary>
    private static SchemaDirection PropertyDirection(SchemaDirection direction, JsonElement property)
    {
        if (SpecDocumentModel.Bool(property, "readOnly"))
        {
            direction &= ~SchemaDirection.Request;
        }

        if (SpecDocumentModel.Bool(property, "writeOnly"))
        {
            direction &= ~SchemaDirection.Response;
        }

        return direction;
    }

    private static void CompareEnum(JsonElement b, JsonElement a, SchemaDirection direction, string prefix, string path, List<SchemaFinding> findings)
    {
        var valuesBefore = EnumValues(b);
        var valuesAfter = EnumValues(a);
        if (valuesBefore is null && valuesAfter is null)
        {
            return;
        }

        if (valuesBefore is null || valuesAfter is null)
        {
            // The generated type changes between an enum and its underlying type either way.
            Add(findings, prefix, path, valuesAfter is null ? "no longer an enum" : $"now an enum of {List(valuesAfter)}", true);
            return;
        }

        var added = valuesAfter.Except(valuesBefore, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var removed = valuesBefore.Except(valuesAfter, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (added.Count > 0)
        {
            // Generated enums are strict: an old client fails to read a value it does not know.
            // Not breaking in either direction: the generated enums are open (an unknown wire value is kept, not thrown on),
            // so a client generated from the old document reads a new response value without failing.
            Add(findings, prefix, path, $"enum value{(added.Count == 1 ? string.Empty : "s")} {List(added)} added", false);
        }

        if (removed.Count > 0)
        {
            Add(findings, prefix, path, $"enum value{(removed.Count == 1 ? string.Empty : "s")} {List(removed)} removed", Affects(direction, SchemaDirection.Request));
        }
    }

    private void CompareAdditionalProperties(JsonElement b, JsonElement a, SchemaDirection direction, string prefix, string path, List<SchemaFinding> findings, int depth)
    {
        var valuesBefore = SpecDocumentModel.Property(b, "additionalProperties");
        var valuesAfter = SpecDocumentModel.Property(a, "additionalProperties");
        if (valuesBefore is { ValueKind: JsonValueKind.Object } vb && valuesAfter is { ValueKind: JsonValueKind.Object } va)
        {
            Compare(SchemaView.Of(before, vb), SchemaView.Of(after, va), direction, prefix, path + "{}", findings, depth + 1);
            return;
        }

        var describedBefore = Describe(valuesBefore);
        var describedAfter = Describe(valuesAfter);
        if (!string.Equals(describedBefore, describedAfter, StringComparison.Ordinal))
        {
            Add(findings, prefix, path, $"additionalProperties {describedBefore} → {describedAfter}", true);
        }

        static string Describe(JsonElement? value) => value switch
        {
            null => "unspecified",
            { ValueKind: JsonValueKind.Object } => "schema",
            { } v => v.GetRawText(),
        };
    }

    private void CompareComposition(string keyword, JsonElement b, JsonElement a, SchemaDirection direction, string prefix, string path, List<SchemaFinding> findings, int depth)
    {
        var membersBefore = SpecDocumentModel.Property(b, keyword) is { ValueKind: JsonValueKind.Array } lb ? lb.EnumerateArray().ToList() : [];
        var membersAfter = SpecDocumentModel.Property(a, keyword) is { ValueKind: JsonValueKind.Array } la ? la.EnumerateArray().ToList() : [];
        if (membersBefore.Count != membersAfter.Count)
        {
            Add(findings, prefix, path, $"{keyword} has {membersAfter.Count} members instead of {membersBefore.Count}", true);
        }

        for (var i = 0; i < Math.Min(membersBefore.Count, membersAfter.Count); i++)
        {
            Compare(SchemaView.Of(before, membersBefore[i]), SchemaView.Of(after, membersAfter[i]), direction, prefix,
                $"{path}({keyword}[{i}])", findings, depth + 1);
        }
    }

    private static void Add(List<SchemaFinding> findings, string prefix, string path, string what, bool breaking)
    {
        var location = path.Length == 0 ? prefix : $"{prefix} {(path == "[]" ? "items" : $"property '{path}'")}".TrimStart();
        findings.Add(new SchemaFinding(location.Length == 0 ? what : $"{location}: {what}", breaking));
    }

    private static string? TypeOf(JsonElement schema)
    {
        switch (SpecDocumentModel.Property(schema, "type"))
        {
            case { ValueKind: JsonValueKind.String } single:
                return single.GetString();
            case { ValueKind: JsonValueKind.Array } several:
                var types = several.EnumerateArray()
                    .Where(t => t.ValueKind == JsonValueKind.String && t.GetString() != "null")
                    .Select(t => t.GetString()!)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                return types.Count == 0 ? null : string.Join('|', types);
        }

        if (SpecDocumentModel.Property(schema, "properties") is not null)
        {
            return "object";
        }

        return SpecDocumentModel.Property(schema, "items") is not null ? "array" : null;
    }

    private static Dictionary<string, JsonElement> Properties(JsonElement schema)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (SpecDocumentModel.Property(schema, "properties") is { ValueKind: JsonValueKind.Object } map)
        {
            foreach (var property in map.EnumerateObject())
            {
                properties[property.Name] = property.Value;
            }
        }

        return properties;
    }

    private static HashSet<string> Required(JsonElement schema) =>
        SpecDocumentModel.Property(schema, "required") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];

    private static HashSet<string>? EnumValues(JsonElement schema) =>
        SpecDocumentModel.Property(schema, "enum") is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(v => v.GetRawText()).ToHashSet(StringComparer.Ordinal)
            : null;

    private static string List(IEnumerable<string> values)
    {
        var all = values.Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", all.Take(MaxListedValues));
        return all.Count > MaxListedValues ? $"{shown} and {all.Count - MaxListedValues} more" : shown;
    }
}

using System.Text;
using System.Text.Json;

namespace Clients.Regen.Validation;

/// <summary>A semantic change between two versions of a provider's documents.</summary>
internal sealed record LocalSpecChange(string Kind, string Document, string Subject, string Detail, bool Breaking);

/// <summary>
/// Semantic per-provider diff: operations and schemas added, removed or changed, each classed breaking or not.
/// Stand-in with the shape of Clients.SpecTools' <c>SpecDiff</c> until that project lands.
/// </summary>
internal static class LocalSpecDiff
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public static IReadOnlyList<LocalSpecChange> Compare(IReadOnlyDictionary<string, ReadOnlyMemory<byte>> before, IReadOnlyDictionary<string, ReadOnlyMemory<byte>> after)
    {
        var changes = new List<LocalSpecChange>();
        foreach (var key in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            if (!after.TryGetValue(key, out var newer))
            {
                changes.Add(new("DocumentRemoved", key, key, "document removed", true));
                continue;
            }

            if (!before.TryGetValue(key, out var older))
            {
                changes.Add(new("DocumentAdded", key, key, "document added", false));
                continue;
            }

            using var a = JsonDocument.Parse(older);
            using var b = JsonDocument.Parse(newer);
            var oldOps = Operations(a.RootElement);
            var newOps = Operations(b.RootElement);
            foreach (var (subject, operation) in oldOps)
            {
                if (!newOps.TryGetValue(subject, out var replacement))
                {
                    changes.Add(new("OperationRemoved", key, subject, "operation removed", true));
                }
                else if (operation.GetRawText() != replacement.GetRawText())
                {
                    changes.Add(new("OperationChanged", key, subject, "parameters, request or response changed", true));
                }
            }

            foreach (var subject in newOps.Keys.Where(s => !oldOps.ContainsKey(s)))
            {
                changes.Add(new("OperationAdded", key, subject, "operation added", false));
            }

            var oldSchemas = Schemas(a.RootElement);
            var newSchemas = Schemas(b.RootElement);
            foreach (var name in oldSchemas.Keys.Where(n => !newSchemas.ContainsKey(n)))
            {
                changes.Add(new("SchemaRemoved", key, name, "schema removed", true));
            }

            foreach (var name in newSchemas.Keys.Where(n => !oldSchemas.ContainsKey(n)))
            {
                changes.Add(new("SchemaAdded", key, name, "schema added", false));
            }
        }

        return changes;
    }

    public static string ToText(string provider, IReadOnlyList<LocalSpecChange> changes)
    {
        var text = new StringBuilder();
        text.Append(provider).Append(": ").Append(changes.Count).Append(" change(s), ").Append(changes.Count(c => c.Breaking)).Append(" breaking\n");
        foreach (var change in changes)
        {
            text.Append("  ").Append(change.Breaking ? "BREAKING " : "         ").Append(change.Kind).Append(' ')
                .Append(change.Document).Append(": ").Append(change.Subject).Append(" — ").Append(change.Detail).Append('\n');
        }

        return text.ToString();
    }

    private static SortedDictionary<string, JsonElement> Operations(JsonElement root)
    {
        var result = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("paths", out var paths) && paths.ValueKind == JsonValueKind.Object)
        {
            foreach (var path in paths.EnumerateObject())
            {
                foreach (var method in Methods)
                {
                    if (path.Value.ValueKind == JsonValueKind.Object && path.Value.TryGetProperty(method, out var operation))
                    {
                        result[method.ToUpperInvariant() + " " + path.Name] = operation;
                    }
                }
            }
        }

        return result;
    }

    private static SortedDictionary<string, JsonElement> Schemas(JsonElement root)
    {
        var result = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var schemas) && schemas.ValueKind == JsonValueKind.Object)
        {
            foreach (var schema in schemas.EnumerateObject())
            {
                result[schema.Name] = schema.Value;
            }
        }

        return result;
    }
}

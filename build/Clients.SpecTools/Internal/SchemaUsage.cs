using System.Text.Json;

namespace Clients.SpecTools.Internal;

/// <summary>
/// Which operations reach each named schema, and in which direction (request: parameters and bodies; response:
/// success bodies), following references transitively. Each schema's direct references are collected once; the
/// closure per operation is a breadth-first walk with a visited set, so recursive schemas terminate.
/// </summary>
internal sealed class SchemaUsage
{
    private readonly SpecDocumentModel _document;
    private readonly Dictionary<string, HashSet<string>> _directReferences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaDirection> _directions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _operations = new(StringComparer.Ordinal);

    private SchemaUsage(SpecDocumentModel document) => _document = document;

    public static SchemaUsage Compute(SpecDocumentModel document)
    {
        var usage = new SchemaUsage(document);
        foreach (var operation in document.Operations.Values)
        {
            var requestRoots = operation.Parameters.Values.Select(p => p.Schema).Append(operation.RequestBody?.Schema);
            var responseRoots = operation.SuccessResponses.Values.Select(r => r.Schema);
            usage.Mark(operation.Subject, requestRoots, SchemaDirection.Request);
            usage.Mark(operation.Subject, responseRoots, SchemaDirection.Response);
        }

        return usage;
    }

    public SchemaDirection DirectionOf(string schema) => _directions.GetValueOrDefault(schema);

    public IEnumerable<string> OperationsOf(string schema) => _operations.TryGetValue(schema, out var set) ? set : [];

    private void Mark(string operation, IEnumerable<JsonElement?> roots, SchemaDirection direction)
    {
        var pending = new Queue<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            if (root is { } element)
            {
                var direct = new HashSet<string>(StringComparer.Ordinal);
                CollectReferences(element, null, direct);
                direct.RemoveWhere(IsMarker);
                foreach (var name in direct.Where(seen.Add))
                {
                    pending.Enqueue(name);
                }
            }
        }

        while (pending.TryDequeue(out var name))
        {
            _directions[name] = _directions.GetValueOrDefault(name) | direction;
            if (!_operations.TryGetValue(name, out var operations))
            {
                _operations[name] = operations = new HashSet<string>(StringComparer.Ordinal);
            }

            operations.Add(operation);
            foreach (var next in DirectReferences(name).Where(seen.Add))
            {
                pending.Enqueue(next);
            }
        }
    }

    private HashSet<string> DirectReferences(string schema)
    {
        if (!_directReferences.TryGetValue(schema, out var references))
        {
            references = new HashSet<string>(StringComparer.Ordinal);
            CollectReferences(_document.Schemas[schema], null, references);
            references.RemoveWhere(IsMarker);
            _directReferences[schema] = references;
        }

        return references;
    }

    private static bool IsMarker(string name) => name.StartsWith('\0');

    private void CollectReferences(JsonElement element, string? name, HashSet<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("$ref") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        var reference = property.Value.GetString()!;
                        if (_document.TryGetSchemaName(reference, out var schema))
                        {
                            into.Add(schema);
                        }
                        else if (JsonPointer.TryResolve(_document.Root, reference, out var target) && target.ValueKind == JsonValueKind.Object
                            && !reference.Equals("#", StringComparison.Ordinal))
                        {
                            // A local reference outside the schema map (rare): its own references count, once.
                            if (into.Add("\0" + reference))
                            {
                                CollectReferences(target, null, into);
                            }
                        }
                    }
                    else if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                        && !OpenApiShape.IsLiteralValue(name, property.Name))
                    {
                        CollectReferences(property.Value, property.Name, into);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectReferences(item, null, into);
                }

                break;
        }
    }
}

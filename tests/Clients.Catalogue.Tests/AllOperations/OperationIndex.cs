using System.Text.Json;

namespace Clients.Catalogue.Tests.AllOperations;

/// <summary>One operation of a provider document, as a generated Refit method names it (HTTP method + Refit path).</summary>
/// <param name="Root">The document's root (for <c>$ref</c>s).</param>
/// <param name="Operation">The operation object.</param>
/// <param name="Parameters">Its parameters: the path item's, overridden by the operation's own.</param>
internal sealed record SpecOperation(JsonElement Root, JsonElement Operation, IReadOnlyList<JsonElement> Parameters)
{
    /// <summary>The request body's schema, if the operation has one: its JSON media type's, else its form's (URL-encoded, then multipart).</summary>
    public JsonElement? BodySchema =>
        Operation.TryGetProperty("requestBody", out var body)
        && Schemas.Resolve(Root, body).TryGetProperty("content", out var content)
        && content.ValueKind == JsonValueKind.Object
        && content.EnumerateObject()
            .Where(static m => m.Value.ValueKind == JsonValueKind.Object && m.Value.TryGetProperty("schema", out _))
            .OrderBy(static m => m.Name.Contains("json", StringComparison.OrdinalIgnoreCase) ? 0
                : m.Name.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? 1
                : m.Name.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) ? 2 : 3)
            .FirstOrDefault().Value is { ValueKind: JsonValueKind.Object } media
        && media.TryGetProperty("schema", out var schema)
            ? schema
            : null;

    /// <summary>The parameter of this operation a generated method parameter stands for (by wire name, then loosely).</summary>
    public JsonElement? Parameter(string wireName)
    {
        foreach (var exact in new[] { true, false })
        {
            foreach (var parameter in Parameters)
            {
                var name = parameter.GetProperty("name").GetString()!;
                if (exact ? name == wireName : Loose(name) == Loose(wireName))
                {
                    return parameter;
                }
            }
        }

        return null;
    }

    private static string Loose(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}

/// <summary>Every operation of a set of OpenAPI 3 documents, keyed like the generated Refit attributes.</summary>
internal sealed class OperationIndex
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];
    private readonly Dictionary<(string Method, string Path), SpecOperation> _operations = new();

    /// <summary>Adds a document whose paths the generated interfaces carry with <paramref name="refitPrefix"/> (OVH v2: <c>/v2</c>).</summary>
    public void Add(byte[] document, string refitPrefix = "")
    {
        var root = JsonDocument.Parse(document).RootElement;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            var item = Schemas.Resolve(root, path.Value);
            var shared = item.TryGetProperty("parameters", out var p) ? p.EnumerateArray().Select(x => Schemas.Resolve(root, x)).ToList() : [];
            foreach (var method in Methods)
            {
                if (!item.TryGetProperty(method, out var operation))
                {
                    continue;
                }

                var parameters = new List<JsonElement>(shared);
                if (operation.TryGetProperty("parameters", out var own))
                {
                    foreach (var parameter in own.EnumerateArray().Select(x => Schemas.Resolve(root, x)))
                    {
                        parameters.RemoveAll(x => x.GetProperty("name").GetString() == parameter.GetProperty("name").GetString()
                                                  && x.GetProperty("in").GetString() == parameter.GetProperty("in").GetString());
                        parameters.Add(parameter);
                    }
                }

                _operations[(method.ToUpperInvariant(), refitPrefix + path.Name)] = new SpecOperation(root, operation, parameters);
            }
        }
    }

    public int Count => _operations.Count;

    public SpecOperation? Find(string method, string refitPath) => _operations.GetValueOrDefault((method, refitPath));
}

/// <summary>Local <c>$ref</c>s and <c>allOf</c> of OpenAPI 3 schemas.</summary>
internal static class Schemas
{
    public static JsonElement Resolve(JsonElement root, JsonElement element)
    {
        for (var hops = 0; hops < 32 && element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference); hops++)
        {
            var target = root;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                if (!target.TryGetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal), out target))
                {
                    return element;
                }
            }

            element = target;
        }

        return element;
    }

    /// <summary>An object schema's properties and required names, <c>allOf</c> parts merged.</summary>
    public static (Dictionary<string, JsonElement> Properties, HashSet<string> Required) Shape(JsonElement root, JsonElement schema, int depth = 0)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        schema = Resolve(root, schema);
        if (schema.ValueKind != JsonValueKind.Object || depth > 16)
        {
            return (properties, required);
        }

        if (schema.TryGetProperty("allOf", out var parts))
        {
            foreach (var part in parts.EnumerateArray())
            {
                var (p, r) = Shape(root, part, depth + 1);
                foreach (var (name, value) in p)
                {
                    properties[name] = value;
                }

                required.UnionWith(r);
            }
        }

        if (schema.TryGetProperty("properties", out var own) && own.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in own.EnumerateObject())
            {
                properties[property.Name] = property.Value;
            }
        }

        if (schema.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array)
        {
            required.UnionWith(names.EnumerateArray().Select(n => n.GetString()!));
        }

        return (properties, required);
    }

    public static string? Text(JsonElement schema, string name) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

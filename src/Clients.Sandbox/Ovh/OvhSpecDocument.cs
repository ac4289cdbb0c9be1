using System.Text.Json;

namespace Clients.Sandbox.Ovh;

/// <summary>A parsed OVH OpenAPI 3 document (one universe): its routes and schemas. Immutable, shared per process.</summary>
internal sealed class OvhSpecDocument
{
    private const string SchemaRefPrefix = "#/components/schemas/";
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];
    private readonly Dictionary<int, List<OvhSpecRoute>> routesBySegmentCount = [];

    private OvhSpecDocument(string filePath, JsonDocument document)
    {
        FilePath = filePath;
        Root = document.RootElement;
        Schemas = Root.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var schemas)
            ? schemas
            : default;
        if (Root.TryGetProperty("paths", out var paths))
        {
            foreach (var path in paths.EnumerateObject())
            {
                var operations = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var method in Methods)
                {
                    if (path.Value.TryGetProperty(method, out var operation))
                    {
                        operations[method.ToUpperInvariant()] = operation;
                    }
                }

                var route = new OvhSpecRoute(path.Name, operations);
                if (!routesBySegmentCount.TryGetValue(route.Segments.Length, out var list))
                {
                    routesBySegmentCount[route.Segments.Length] = list = [];
                }

                list.Add(route);
                OperationCount += operations.Count;
            }
        }

        foreach (var list in routesBySegmentCount.Values)
        {
            list.Sort((a, b) => b.Specificity.CompareTo(a.Specificity));
        }
    }

    public string FilePath { get; }

    public JsonElement Root { get; }

    public JsonElement Schemas { get; }

    public int OperationCount { get; }

    public IEnumerable<OvhSpecRoute> Routes => routesBySegmentCount.Values.SelectMany(static list => list);

    /// <summary>Parses <paramref name="content"/>; <paramref name="identity"/> names it (a path, or an embedded resource).</summary>
    public static OvhSpecDocument Load(string identity, byte[] content) => new(identity, JsonDocument.Parse(content));

    /// <summary>Finds the most specific route matching <paramref name="rawSegments"/> (literal segments beat parameters).</summary>
    public OvhSpecRoute? Match(string[] rawSegments, out Dictionary<string, string> values)
    {
        values = [];
        if (!routesBySegmentCount.TryGetValue(rawSegments.Length, out var candidates))
        {
            return null;
        }

        foreach (var route in candidates)
        {
            if (route.TryMatch(rawSegments, out values))
            {
                return route;
            }
        }

        return null;
    }

    /// <summary>Resolves <c>$ref</c> chains and single-element <c>allOf</c> wrappers.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var guard = 0; guard < 32; guard++)
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                return schema;
            }

            if (TryGetRefName(schema, out var name) && TryGetSchema(name, out var target))
            {
                schema = target;
                continue;
            }

            if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array && allOf.GetArrayLength() == 1
                && !schema.TryGetProperty("properties", out _))
            {
                schema = allOf[0];
                continue;
            }

            return schema;
        }

        return schema;
    }

    public static bool TryGetRefName(JsonElement schema, out string name)
    {
        name = "";
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference)
            && reference.GetString() is { } text && text.StartsWith(SchemaRefPrefix, StringComparison.Ordinal))
        {
            name = text[SchemaRefPrefix.Length..];
            return true;
        }

        return false;
    }

    public bool TryGetSchema(string name, out JsonElement schema)
    {
        schema = default;
        return Schemas.ValueKind == JsonValueKind.Object && Schemas.TryGetProperty(name, out schema);
    }
}

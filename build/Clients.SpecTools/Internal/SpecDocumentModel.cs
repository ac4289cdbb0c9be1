using System.Text.Json;
using System.Text.RegularExpressions;

namespace Clients.SpecTools.Internal;

/// <summary>
/// A parsed OpenAPI 3.x or Swagger 2.0 document reduced to what the diff compares: named schemas and operations keyed
/// by <c>METHOD path</c> where path parameter names are blanked (<c>GET /vps/{}</c>), so a renamed path parameter
/// keeps the operation's identity. If two paths of one document only differ by parameter names (invalid OpenAPI, but
/// seen in the wild) they keep their literal paths as keys.
/// </summary>
internal sealed partial class SpecDocumentModel
{
    private const int MaxReferenceHops = 32;

    private SpecDocumentModel(JsonElement root, SpecFormat format)
    {
        Root = root;
        Format = format;
        SchemaPrefix = format == SpecFormat.Swagger2 ? "#/definitions/" : "#/components/schemas/";
        Schemas = ReadSchemas(root, format);
        Operations = ReadOperations();
    }

    public JsonElement Root { get; }

    public SpecFormat Format { get; }

    public string SchemaPrefix { get; }

    public IReadOnlyDictionary<string, JsonElement> Schemas { get; }

    public IReadOnlyDictionary<string, OperationModel> Operations { get; }

    public static SpecDocumentModel Create(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"the JSON root is {OpenApiShape.Article(root.ValueKind)}, not an OpenAPI document");
        }

        return OpenApiShape.TryGetFormat(root, out var format, out var problem, out _)
            ? new SpecDocumentModel(root, format)
            : throw new InvalidDataException(problem);
    }

    /// <summary>The component name a reference points to (<c>#/components/schemas/X</c> → <c>X</c>), if it is one.</summary>
    public bool TryGetSchemaName(string reference, out string name)
    {
        name = string.Empty;
        if (!reference.StartsWith(SchemaPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = reference[SchemaPrefix.Length..];
        if (rest.Length == 0 || rest.Contains('/'))
        {
            return false;
        }

        name = JsonPointer.Unescape(rest);
        return Schemas.ContainsKey(name);
    }

    /// <summary>Follows <c>$ref</c> chains of non-schema objects (parameters, bodies, responses); unresolvable ones stay as they are.</summary>
    public JsonElement Follow(JsonElement element)
    {
        for (var hop = 0; hop < MaxReferenceHops; hop++)
        {
            if (element.ValueKind != JsonValueKind.Object
                || !element.TryGetProperty("$ref", out var reference)
                || reference.ValueKind != JsonValueKind.String
                || !JsonPointer.TryResolve(Root, reference.GetString()!, out var target))
            {
                return element;
            }

            element = target;
        }

        return element;
    }

    public static string NormalizePath(string path) => PathParameter().Replace(path, "{}");

    public static List<string> PathParameterNames(string path) =>
        PathParameter().Matches(path).Select(m => m.Value[1..^1]).ToList();

    private static Dictionary<string, JsonElement> ReadSchemas(JsonElement root, SpecFormat format)
    {
        var schemas = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var container = format == SpecFormat.Swagger2
            ? Property(root, "definitions")
            : Property(root, "components") is { } components ? Property(components, "schemas") : null;
        if (container is { ValueKind: JsonValueKind.Object } found)
        {
            foreach (var schema in found.EnumerateObject())
            {
                schemas[schema.Name] = schema.Value;
            }
        }

        return schemas;
    }

    private Dictionary<string, OperationModel> ReadOperations()
    {
        var operations = new Dictionary<string, OperationModel>(StringComparer.Ordinal);
        if (Property(Root, "paths") is not { ValueKind: JsonValueKind.Object } paths)
        {
            return operations;
        }

        var pathItems = paths.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Object && !p.Name.StartsWith("x-", StringComparison.Ordinal))
            .ToList();
        var ambiguous = pathItems
            .GroupBy(p => NormalizePath(p.Name), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var pathItem in pathItems)
        {
            var normalized = NormalizePath(pathItem.Name);
            var keyPath = ambiguous.Contains(normalized) ? pathItem.Name : normalized;
            var item = Follow(pathItem.Value);
            foreach (var member in item.EnumerateObject())
            {
                if (member.Value.ValueKind != JsonValueKind.Object || !OpenApiShape.IsMethod(member.Name))
                {
                    continue;
                }

                var method = member.Name.ToUpperInvariant();
                var key = $"{method} {keyPath}";
                operations[key] = ReadOperation(key, method, pathItem.Name, item, member.Value);
            }
        }

        return operations;
    }

    private OperationModel ReadOperation(string key, string method, string path, JsonElement pathItem, JsonElement operation)
    {
        var pathNames = PathParameterNames(path);
        var parameters = new Dictionary<string, ParameterModel>(StringComparer.Ordinal);
        BodyModel? requestBody = null;
        foreach (var source in new[] { Property(pathItem, "parameters"), Property(operation, "parameters") })
        {
            if (source is not { ValueKind: JsonValueKind.Array } list)
            {
                continue;
            }

            foreach (var raw in list.EnumerateArray())
            {
                var parameter = Follow(raw);
                var name = String(parameter, "name") ?? string.Empty;
                var location = String(parameter, "in") ?? string.Empty;
                if (location == "body")
                {
                    requestBody = new BodyModel(Bool(parameter, "required"), FirstMediaType(operation, "consumes"), Property(parameter, "schema"));
                    continue;
                }

                var index = location == "path" ? pathNames.IndexOf(name) : -1;
                var parameterKey = index >= 0 ? $"path#{index}" : $"{location}:{name}";
                parameters[parameterKey] = new ParameterModel(
                    parameterKey,
                    location,
                    name,
                    location == "path" || Bool(parameter, "required"),
                    Bool(parameter, "deprecated"),
                    ParameterSchema(parameter));
            }
        }

        if (Format == SpecFormat.OpenApi3 && Property(operation, "requestBody") is { } body)
        {
            var resolved = Follow(body);
            var (mediaType, schema) = JsonContent(resolved);
            requestBody = new BodyModel(Bool(resolved, "required"), mediaType, schema);
        }

        var responses = new SortedDictionary<string, BodyModel>(StringComparer.Ordinal);
        if (Property(operation, "responses") is { ValueKind: JsonValueKind.Object } responseMap)
        {
            foreach (var response in responseMap.EnumerateObject().Where(r => r.Name.StartsWith('2')))
            {
                var resolved = Follow(response.Value);
                responses[response.Name] = Format == SpecFormat.Swagger2
                    ? new BodyModel(true, FirstMediaType(operation, "produces"), Property(resolved, "schema"))
                    : ToBody(JsonContent(resolved));
            }
        }

        var tags = Property(operation, "tags") is { ValueKind: JsonValueKind.Array } tagList
            ? tagList.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList()
            : [];
        return new OperationModel(
            key,
            method,
            path,
            String(operation, "operationId"),
            String(operation, "summary"),
            tags,
            Bool(operation, "deprecated"),
            parameters,
            requestBody,
            responses);

        static BodyModel ToBody((string? MediaType, JsonElement? Schema) content) => new(true, content.MediaType, content.Schema);
    }

    private JsonElement? ParameterSchema(JsonElement parameter)
    {
        if (Property(parameter, "schema") is { } schema)
        {
            return schema;
        }

        if (Property(parameter, "content") is { ValueKind: JsonValueKind.Object } content)
        {
            return content.EnumerateObject().Select(c => Property(c.Value, "schema")).FirstOrDefault(s => s is not null);
        }

        // Swagger 2.0 non-body parameters carry type, format, items and enum themselves.
        return Format == SpecFormat.Swagger2 ? parameter : null;
    }

    /// <summary>Picks the JSON media type of a <c>content</c> map (or the first one) and its schema.</summary>
    private static (string? MediaType, JsonElement? Schema) JsonContent(JsonElement owner)
    {
        if (Property(owner, "content") is not { ValueKind: JsonValueKind.Object } content)
        {
            return (null, null);
        }

        var entries = content.EnumerateObject().ToList();
        if (entries.Count == 0)
        {
            return (null, null);
        }

        var chosen = entries.FirstOrDefault(e => e.Name.Contains("json", StringComparison.OrdinalIgnoreCase));
        if (chosen.Value.ValueKind == JsonValueKind.Undefined)
        {
            chosen = entries[0];
        }

        return (chosen.Name, Property(chosen.Value, "schema"));
    }

    private string? FirstMediaType(JsonElement operation, string name)
    {
        var list = Property(operation, name) ?? Property(Root, name);
        return list is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() > 0 && array[0].ValueKind == JsonValueKind.String
            ? array[0].GetString()
            : "application/json";
    }

    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    public static string? String(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    public static bool Bool(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.True };

    [GeneratedRegex(@"\{[^}/]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex PathParameter();
}

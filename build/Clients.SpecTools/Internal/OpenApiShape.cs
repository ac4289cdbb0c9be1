using System.Text.Json;

namespace Clients.SpecTools.Internal;

/// <summary>Facts about an OpenAPI / Swagger document's top-level shape shared by the validator and the diff.</summary>
internal static class OpenApiShape
{
    /// <summary>Operation keys of a path item, in the order the diff reports them.</summary>
    public static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    public static bool IsMethod(string name) => Array.IndexOf(Methods, name) >= 0;

    /// <summary>Keywords whose value is a map of user-chosen names (a property may be called "example" there).</summary>
    public static readonly string[] NameMapKeywords =
    [
        "properties", "patternProperties", "definitions", "schemas", "parameters", "responses", "requestBodies", "headers",
        "examples", "securitySchemes", "links", "callbacks", "pathItems", "paths", "content", "encoding", "variables",
    ];

    private static readonly HashSet<string> NameMaps = new(NameMapKeywords, StringComparer.Ordinal);

    /// <summary>
    /// Whether the member <paramref name="name"/> of an object held under <paramref name="parent"/> is a literal
    /// value that must not be searched for references: an <c>example</c> or a vendor extension (<c>x-*</c>), unless
    /// the object is a map of user-chosen names (a schema's <c>properties</c>, <c>components.schemas</c> ...).
    /// </summary>
    public static bool IsLiteralValue(string? parent, string name) =>
        (parent is null || !NameMaps.Contains(parent))
        && (string.Equals(name, "example", StringComparison.Ordinal) || name.StartsWith("x-", StringComparison.Ordinal));

    /// <summary>Detects the format, or explains why the root is not an OpenAPI 3.x / Swagger 2.0 document.</summary>
    public static bool TryGetFormat(JsonElement root, out SpecFormat format, out string? problem, out string? pointer)
    {
        format = SpecFormat.OpenApi3;
        problem = null;
        pointer = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = $"the JSON root is {Article(root.ValueKind)}, not an OpenAPI 3.x or Swagger 2.0 object";
            pointer = "/";
            return false;
        }

        if (root.TryGetProperty("openapi", out var openapi))
        {
            if (openapi.ValueKind == JsonValueKind.String && openapi.GetString()!.StartsWith("3.", StringComparison.Ordinal))
            {
                format = SpecFormat.OpenApi3;
                return true;
            }

            problem = $"unsupported 'openapi' version {openapi.GetRawText()} at /openapi (expected \"3.x\")";
            pointer = "/openapi";
            return false;
        }

        if (root.TryGetProperty("swagger", out var swagger))
        {
            if (swagger.ValueKind == JsonValueKind.String && swagger.GetString() == "2.0")
            {
                format = SpecFormat.Swagger2;
                return true;
            }

            problem = $"unsupported 'swagger' version {swagger.GetRawText()} at /swagger (expected \"2.0\")";
            pointer = "/swagger";
            return false;
        }

        var names = root.EnumerateObject().Select(p => $"'{p.Name}'").Take(6).ToList();
        problem = "not an OpenAPI 3.x or Swagger 2.0 document: the root has no 'openapi' or 'swagger' version property"
            + (names.Count == 0 ? " (it is an empty object)" : $" (its properties: {string.Join(", ", names)})");
        pointer = "/";
        return false;
    }

    /// <summary>Counts the operations of a valid <c>paths</c> object.</summary>
    public static int CountOperations(JsonElement paths)
    {
        var count = 0;
        foreach (var pathItem in paths.EnumerateObject())
        {
            if (pathItem.Value.ValueKind != JsonValueKind.Object || pathItem.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var member in pathItem.Value.EnumerateObject())
            {
                if (member.Value.ValueKind == JsonValueKind.Object && IsMethod(member.Name))
                {
                    count++;
                }
            }
        }

        return count;
    }

    public static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };
}

using System.Text.Json;

namespace Clients.OpenApi;

/// <summary>
/// The one rule for a <c>{variable}</c> a path template uses without the operation declaring it as a path parameter
/// (OVH lists some only as a body property): it takes the type of the same-named property of the operation's JSON request
/// body schema, else of its first success response's JSON schema, when that property is a scalar (integer, number,
/// boolean or string, with its format, not an enumeration); otherwise it is a string. Linked into the Regen tool (the
/// generated method's parameter type) and the sandbox (the strict emulator refuses a path value that does not fit), so
/// both sides read a document the same way.
/// </summary>
internal static class UndeclaredPathVariables
{
    private static readonly string[] Scalars = ["integer", "number", "boolean", "string"];

    /// <summary>The schema of each variable of <paramref name="variables"/> that <paramref name="declared"/> does not name (compared ignoring case).</summary>
    /// <param name="variables">The template's variables, in order.</param>
    /// <param name="declared">The names of the operation's declared path parameters.</param>
    /// <param name="operation">The operation object.</param>
    /// <param name="resolve">Follows a <c>$ref</c> (the document's own resolver).</param>
    public static List<(string Name, JsonElement Schema)> Infer(IEnumerable<string> variables, IEnumerable<string> declared, JsonElement operation, Func<JsonElement, JsonElement> resolve)
    {
        var follow = resolve;
        resolve = schema => Unwrap(schema, follow);
        var known = new HashSet<string>(declared, StringComparer.OrdinalIgnoreCase);
        var result = new List<(string, JsonElement)>();
        foreach (var variable in variables)
        {
            if (known.Add(variable))
            {
                result.Add((variable, TypeOf(variable, operation, resolve)));
            }
        }

        return result;
    }

    private static JsonElement TypeOf(string variable, JsonElement operation, Func<JsonElement, JsonElement> resolve)
    {
        var body = operation.TryGetProperty("requestBody", out var requestBody) ? JsonSchema(resolve(requestBody)) : null;
        JsonElement? response = null;
        if (operation.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Object)
        {
            response = responses.EnumerateObject()
                .Where(static r => r.Name.StartsWith('2'))
                .OrderBy(static r => r.Name, StringComparer.Ordinal)
                .Select(r => JsonSchema(resolve(r.Value)))
                .FirstOrDefault();
        }

        foreach (var schema in new[] { body, response })
        {
            if (schema is { } s && Property(resolve(s), variable, resolve, 0) is { } property && Scalar(resolve(property)) is { } scalar)
            {
                return scalar;
            }
        }

        return JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["type"] = "string" });
    }

    private static JsonElement? JsonSchema(JsonElement container)
    {
        if (container.ValueKind != JsonValueKind.Object || !container.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var media in content.EnumerateObject().OrderBy(static m => m.Name, StringComparer.Ordinal))
        {
            if ((media.Name.Contains("json", StringComparison.OrdinalIgnoreCase) || media.Name == "*/*")
                && media.Value.ValueKind == JsonValueKind.Object && media.Value.TryGetProperty("schema", out var schema))
            {
                return schema;
            }
        }

        return null;
    }

    // The named property of an object schema, its allOf parts included.
    private static JsonElement? Property(JsonElement schema, string name, Func<JsonElement, JsonElement> resolve, int depth)
    {
        if (depth > 16 || schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.TryGetProperty(name, out var property))
        {
            return property;
        }

        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in allOf.EnumerateArray())
            {
                if (Property(resolve(part), name, resolve, depth + 1) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    // A `$ref` chain and single-part `allOf` wrappers, whichever resolver the caller has.
    private static JsonElement Unwrap(JsonElement schema, Func<JsonElement, JsonElement> resolve)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            schema = resolve(schema);
            if (schema.ValueKind != JsonValueKind.Object || schema.TryGetProperty("properties", out _)
                || !schema.TryGetProperty("allOf", out var allOf) || allOf.ValueKind != JsonValueKind.Array || allOf.GetArrayLength() != 1)
            {
                return schema;
            }

            schema = allOf[0];
        }

        return schema;
    }

    private static JsonElement? Scalar(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || schema.TryGetProperty("enum", out _)
            || !schema.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || !Scalars.Contains(type.GetString()))
        {
            return null;
        }

        var scalar = new Dictionary<string, string> { ["type"] = type.GetString()! };
        if (schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String)
        {
            scalar["format"] = format.GetString()!;
        }

        return JsonSerializer.SerializeToElement(scalar);
    }
}

using System.Text.Json;

namespace Clients.Regen.Emit;

/// <summary>
/// A schema's JSON type and nullability in both OpenAPI 3.0 (<c>"type": "string", "nullable": true</c>) and 3.1
/// (<c>"type": ["string", "null"]</c>, <c>anyOf</c> of a schema and <c>{"type": "null"}</c>, a string <c>const</c>).
/// For a 3.0 document every answer is the one the emitter read before 3.1 was supported.
/// </summary>
internal static class SchemaType
{
    /// <summary>
    /// The one non-null type declared (<c>"string"</c>, or <c>"string"</c> from <c>["string", "null"]</c>; <c>"null"</c> when
    /// only null is allowed); a string <c>const</c> without a type is a string; null when absent or a union of several types.
    /// </summary>
    public static string? Of(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("const", out var constant) && constant.ValueKind == JsonValueKind.String ? "string" : null;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            return type.GetString();
        }

        if (type.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        string? single = null;
        var hasNull = false;
        foreach (var item in type.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            if (item.ValueEquals("null"))
            {
                hasNull = true;
            }
            else if (single is null)
            {
                single = item.GetString();
            }
            else
            {
                return null;
            }
        }

        return single ?? (hasNull ? "null" : null);
    }

    /// <summary>Whether the schema declares several non-null types (<c>["string", "integer"]</c>): a union, mapped to JsonElement.</summary>
    public static bool IsUnion(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array
        && type.EnumerateArray().Count(t => t.ValueKind == JsonValueKind.String && !t.ValueEquals("null")) > 1;

    /// <summary><c>nullable: true</c> (3.0), <c>null</c> among the types or an <c>anyOf</c>/<c>oneOf</c> alternative (3.1).</summary>
    public static bool IsNullable(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True)
        {
            return true;
        }

        if (schema.TryGetProperty("type", out var type)
            && (type.ValueKind == JsonValueKind.String ? type.ValueEquals("null") : type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.ValueEquals("null"))))
        {
            return true;
        }

        return NonNullAlternative(schema) is not null;
    }

    /// <summary>3.1's <c>anyOf</c>/<c>oneOf</c> of exactly one schema and <c>{"type": "null"}</c>: that schema.</summary>
    public static JsonElement? NonNullAlternative(JsonElement schema)
    {
        foreach (var keyword in (ReadOnlySpan<string>)["anyOf", "oneOf"])
        {
            if (schema.TryGetProperty(keyword, out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() == 2)
            {
                var first = list[0];
                var second = list[1];
                if (IsNullOnly(second))
                {
                    return IsNullOnly(first) ? null : first;
                }

                if (IsNullOnly(first))
                {
                    return second;
                }
            }
        }

        return null;
    }

    /// <summary>A string <c>const</c>, documented on the property that carries it.</summary>
    public static string? Constant(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("const", out var constant) && constant.ValueKind == JsonValueKind.String
            ? constant.GetString()
            : null;

    private static bool IsNullOnly(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
        && type.ValueEquals("null") && !schema.TryGetProperty("$ref", out _);
}

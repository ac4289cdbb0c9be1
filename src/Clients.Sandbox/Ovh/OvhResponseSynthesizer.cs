using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// Builds deterministic fake JSON that fits a response schema: enums give their first value, strings
/// follow their format (or example, or the property name), integers 1, arrays 2 items at the top and
/// 1 below, objects every declared property; <c>$ref</c> recursion stops at the first repeat.
/// </summary>
internal sealed class OvhResponseSynthesizer
{
    private const int MaxDepth = 8;
    private readonly OvhSpecDocument document;
    private readonly List<string> refStack = [];

    public OvhResponseSynthesizer(OvhSpecDocument document) => this.document = document;

    public JsonNode? Synthesize(JsonElement schema, string hint) => Build(schema, hint, depth: 0, index: 0);

    private JsonNode? Build(JsonElement schema, string hint, int depth, int index)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return JsonValue.Create("any");
        }

        if (OvhSpecDocument.TryGetRefName(schema, out var name))
        {
            if (!document.TryGetSchema(name, out var target))
            {
                return null;
            }

            if (refStack.Contains(name) || depth > MaxDepth)
            {
                return Empty(document.Resolve(target));
            }

            refStack.Add(name);
            try
            {
                return Build(target, hint, depth, index);
            }
            finally
            {
                refStack.RemoveAt(refStack.Count - 1);
            }
        }

        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            return BuildAllOf(schema, allOf, hint, depth, index);
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
            {
                return Build(choices[0], hint, depth, index);
            }
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        var type = schema.TryGetProperty("type", out var typeElement) ? typeElement.GetString() : null;
        if (type is null && (schema.TryGetProperty("properties", out _) || schema.TryGetProperty("additionalProperties", out _)))
        {
            type = "object";
        }

        switch (type)
        {
            case "object":
                return BuildObject(schema, depth);
            case "array":
                var array = new JsonArray();
                if (depth <= MaxDepth && schema.TryGetProperty("items", out var items))
                {
                    var count = depth == 0 ? 2 : 1;
                    for (var i = 0; i < count; i++)
                    {
                        array.Add(Build(items, hint, depth + 1, i));
                    }
                }

                return array;
            case "integer":
                return JsonValue.Create(NumberExample(schema) is { } example ? (long)example : index + 1L);
            case "number":
                return JsonValue.Create(NumberExample(schema) ?? index + 1.5);
            case "boolean":
                return JsonValue.Create(true);
            case "string":
                return JsonValue.Create(BuildString(schema, hint, index));
            default:
                return Example(schema)?.DeepClone() ?? JsonValue.Create("any");
        }
    }

    private JsonNode? BuildAllOf(JsonElement schema, JsonElement allOf, string hint, int depth, int index)
    {
        if (allOf.GetArrayLength() == 1 && !schema.TryGetProperty("properties", out _))
        {
            return Build(allOf[0], hint, depth, index);
        }

        var merged = new JsonObject();
        foreach (var part in allOf.EnumerateArray())
        {
            if (Build(part, hint, depth, index) is JsonObject partObject)
            {
                foreach (var (key, value) in partObject.ToList())
                {
                    partObject.Remove(key);
                    merged[key] = value;
                }
            }
        }

        if (schema.TryGetProperty("properties", out _) && BuildObject(schema, depth) is { } own)
        {
            foreach (var (key, value) in own.ToList())
            {
                own.Remove(key);
                merged[key] = value;
            }
        }

        return merged;
    }

    private JsonObject BuildObject(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                result[property.Name] = Build(property.Value, property.Name, depth + 1, 0);
            }
        }

        if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object && depth <= MaxDepth)
        {
            result["key"] = Build(additional, "value", depth + 1, 0);
        }

        return result;
    }

    private JsonNode? Empty(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True)
        {
            return null;
        }

        var type = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("type", out var t) ? t.GetString() : "object";
        return type switch
        {
            "array" => new JsonArray(),
            "string" => JsonValue.Create(""),
            "integer" => JsonValue.Create(0),
            "number" => JsonValue.Create(0.0),
            "boolean" => JsonValue.Create(false),
            _ => new JsonObject(),
        };
    }

    private static double? NumberExample(JsonElement schema) =>
        schema.TryGetProperty("example", out var example) && example.ValueKind == JsonValueKind.Number ? example.GetDouble() : null;

    private static JsonNode? Example(JsonElement schema) =>
        schema.TryGetProperty("example", out var example) ? JsonNode.Parse(example.GetRawText()) : null;

    private static string BuildString(JsonElement schema, string hint, int index)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (format)
        {
            case "date-time":
                return OvhJson.Date(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(index));
            case "date":
                return new DateOnly(2025, 1, 1).AddDays(index).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case "time":
                return "15:04:05";
            case "uuid":
                return DeterministicUuid(hint + index).ToString();
            case "ipv4":
                return "192.0.2." + (index + 1).ToString(CultureInfo.InvariantCulture);
            case "ipv6":
                return "2001:db8::" + (index + 1).ToString(CultureInfo.InvariantCulture);
            case "ip-block":
            case "ipv4-block":
                return "192.0.2." + (index * 8).ToString(CultureInfo.InvariantCulture) + "/29";
            case "ipv6-block":
                return "2001:db8:" + (index + 1).ToString(CultureInfo.InvariantCulture) + "::/64";
            case "mac-address":
                return "00:00:5e:00:53:0" + (index + 1).ToString(CultureInfo.InvariantCulture);
            case "email":
                return hint + (index + 1).ToString(CultureInfo.InvariantCulture) + "@sandbox.test";
            case "phone-number":
                return "+33.12345678" + (index % 10).ToString(CultureInfo.InvariantCulture);
            case "password":
                return "sandbox-password";
        }

        if (schema.TryGetProperty("example", out var example) && example.ValueKind == JsonValueKind.String)
        {
            return example.GetString()!;
        }

        return index == 0 ? hint : hint + (index + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static Guid DeterministicUuid(string seed)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(seed), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}

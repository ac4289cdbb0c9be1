using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clients.Sandbox.Specs;

/// <summary>
/// Builds deterministic JSON that fits a schema: enums give their first value, strings follow their format (or
/// example, or the property name), integers 1, arrays 2 items at the top and 1 below, objects every declared property
/// (so every required one); <c>oneOf</c>/<c>anyOf</c> give their first alternative with its discriminator value;
/// <c>$ref</c> recursion stops at the first repeat.
/// </summary>
internal sealed class SpecSynthesizer
{
    private const int MaxDepth = 8;
    private readonly SpecDocument _document;
    private readonly List<string> _refStack = [];
    private bool _requiredOnly;

    public SpecSynthesizer(SpecDocument document) => _document = document;

    /// <summary>A value for <paramref name="schema"/>; <paramref name="hint"/> names strings (a path's last literal segment).</summary>
    public JsonNode? Synthesize(JsonElement schema, string hint) => Build(schema, hint, depth: 0, index: 0);

    private JsonNode? Build(JsonElement schema, string hint, int depth, int index)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return JsonValue.Create("any");
        }

        if (SpecDocument.TryGetRef(schema, out var reference))
        {
            if (!_document.TryResolvePointer(reference, out var target))
            {
                return null;
            }

            // A repeat (a cycle) is built once more with its required properties only, then left empty.
            var repeats = _refStack.Count(r => r == reference);
            if (repeats > 1 || depth > MaxDepth)
            {
                return Empty(_document.Resolve(target));
            }

            var requiredOnly = _requiredOnly;
            _refStack.Add(reference);
            _requiredOnly |= repeats == 1;
            try
            {
                return Build(target, hint, depth, index);
            }
            finally
            {
                _refStack.RemoveAt(_refStack.Count - 1);
                _requiredOnly = requiredOnly;
            }
        }

        // The base of a hierarchy (a discriminator with a mapping) built directly: its first mapped alternative, so
        // the answer carries a discriminator value a typed client knows.
        if (schema.TryGetProperty("discriminator", out var baseDiscriminator) && !schema.TryGetProperty("oneOf", out _) && !schema.TryGetProperty("anyOf", out _)
            && baseDiscriminator.TryGetProperty("mapping", out var baseMapping) && baseMapping.ValueKind == JsonValueKind.Object
            && baseMapping.EnumerateObject().Select(static e => e.Value.GetString()).FirstOrDefault(static t => t is not null && t.StartsWith("#/", StringComparison.Ordinal)) is { } derived
            && !baseMapping.EnumerateObject().Any(e => e.Value.GetString() is { } target && _refStack.Contains(target)))
        {
            using var pointer = JsonDocument.Parse(JsonSerializer.Serialize(new Dictionary<string, string> { ["$ref"] = derived }));
            return Build(pointer.RootElement.Clone(), hint, depth, index);
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            return BuildAllOf(schema, allOf, hint, depth, index);
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
            {
                var choice = choices.EnumerateArray().FirstOrDefault(c => !IsNullSchema(c));
                var built = Build(choice.ValueKind == JsonValueKind.Undefined ? choices[0] : choice, hint, depth, index);
                if (built is JsonObject alternative && schema.TryGetProperty("discriminator", out var discriminator))
                {
                    SetDiscriminator(alternative, discriminator, choice);
                }

                return built;
            }
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        var type = TypeOf(schema);
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
                    if (schema.TryGetProperty("maxItems", out var maxItems) && maxItems.TryGetInt32(out var max))
                    {
                        count = Math.Min(count, max);
                    }

                    if (schema.TryGetProperty("minItems", out var minItems) && minItems.TryGetInt32(out var min))
                    {
                        count = Math.Max(count, Math.Min(min, 16));
                    }

                    for (var i = 0; i < count; i++)
                    {
                        array.Add(Build(items, hint, depth + 1, i));
                    }
                }

                return array;
            case "integer":
                return JsonValue.Create((long)Bounded(schema, NumberExample(schema) is { } example ? (long)example : index + 1L));
            case "number":
                return JsonValue.Create(Bounded(schema, NumberExample(schema) ?? index + 1.5));
            case "boolean":
                return JsonValue.Create(true);
            case "string":
                return JsonValue.Create(BuildString(schema, hint, index));
            case "null":
                return null;
            default:
                return Example(schema)?.DeepClone() ?? JsonValue.Create("any");
        }
    }

    /// <summary>The schema's type; for a 3.1 type array (<c>["string", "null"]</c>) the first that is not <c>null</c>.</summary>
    public static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => type.GetString(),
            JsonValueKind.Array => type.EnumerateArray().Select(static t => t.GetString()).FirstOrDefault(static t => t != "null") ?? "null",
            _ => null,
        };
    }

    private static bool IsNullSchema(JsonElement schema) => schema.ValueKind == JsonValueKind.Object && TypeOf(schema) == "null";

    private void SetDiscriminator(JsonObject value, JsonElement discriminator, JsonElement choice)
    {
        if (!discriminator.TryGetProperty("propertyName", out var property) || property.GetString() is not { } name)
        {
            return;
        }

        var reference = SpecDocument.TryGetRef(choice, out var r) ? r : null;
        string? tag = null;
        if (discriminator.TryGetProperty("mapping", out var mapping) && mapping.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in mapping.EnumerateObject())
            {
                var target = entry.Value.GetString();
                if (target is not null && reference is not null && (target == reference || target == SpecDocument.RefName(reference)))
                {
                    tag = entry.Name;
                    break;
                }
            }
        }

        if (tag is null && reference is not null)
        {
            tag = SpecDocument.RefName(reference);
        }

        if (tag is not null)
        {
            value[name] = tag;
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

            // A part with a discriminator (the base of a hierarchy): the value names the schema being built.
            if (_document.Resolve(part) is { ValueKind: JsonValueKind.Object } resolved && resolved.TryGetProperty("discriminator", out var discriminator)
                && _refStack.Count > 0)
            {
                var self = _refStack[^1];
                if (discriminator.TryGetProperty("propertyName", out var property) && property.GetString() is { } name)
                {
                    merged[name] = SelfTag(discriminator, self);
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

    private static string SelfTag(JsonElement discriminator, string self)
    {
        if (discriminator.TryGetProperty("mapping", out var mapping) && mapping.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in mapping.EnumerateObject())
            {
                if (entry.Value.GetString() is { } target && (target == self || target == SpecDocument.RefName(self)))
                {
                    return entry.Name;
                }
            }
        }

        return SpecDocument.RefName(self);
    }

    private JsonObject BuildObject(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            var required = schema.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array
                ? names.EnumerateArray().Select(static n => n.GetString()).ToHashSet(StringComparer.Ordinal)
                : [];
            foreach (var property in properties.EnumerateObject())
            {
                if (!_requiredOnly || required.Contains(property.Name))
                {
                    result[property.Name] = Build(property.Value, property.Name, depth + 1, 0);
                }
            }
        }

        if (!_requiredOnly && schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object && depth <= MaxDepth)
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

        var type = schema.ValueKind == JsonValueKind.Object ? TypeOf(schema) ?? "object" : "object";
        return type switch
        {
            "array" => new JsonArray(),
            "string" => JsonValue.Create(""),
            "integer" => JsonValue.Create(0),
            "number" => JsonValue.Create(0.0),
            "boolean" => JsonValue.Create(false),
            "null" => null,
            _ => new JsonObject(),
        };
    }

    private static double Bounded(JsonElement schema, double value)
    {
        if (schema.TryGetProperty("minimum", out var minimum) && minimum.ValueKind == JsonValueKind.Number && value < minimum.GetDouble())
        {
            value = Math.Ceiling(minimum.GetDouble());
        }

        if (schema.TryGetProperty("maximum", out var maximum) && maximum.ValueKind == JsonValueKind.Number && value > maximum.GetDouble())
        {
            value = Math.Floor(maximum.GetDouble());
        }

        return value;
    }

    private static double? NumberExample(JsonElement schema) =>
        schema.TryGetProperty("example", out var example) && example.ValueKind == JsonValueKind.Number ? example.GetDouble() : null;

    private static JsonNode? Example(JsonElement schema) =>
        schema.TryGetProperty("example", out var example) ? JsonNode.Parse(example.GetRawText()) : null;

    private static string BuildString(JsonElement schema, string hint, int index)
    {
        var text = FormattedString(schema, hint, index);
        if (schema.TryGetProperty("minLength", out var minLength) && minLength.TryGetInt32(out var min) && text.Length < min)
        {
            text = text.PadRight(Math.Min(min, 4096), 'x');
        }

        if (schema.TryGetProperty("maxLength", out var maxLength) && maxLength.TryGetInt32(out var max) && text.Length > max)
        {
            text = text[..max];
        }

        return text;
    }

    private static string FormattedString(JsonElement schema, string hint, int index)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (format)
        {
            case "date-time":
                return new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(index).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
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
            case "uri":
            case "url":
                return "https://sandbox.test/" + Uri.EscapeDataString(hint) + "/" + (index + 1).ToString(CultureInfo.InvariantCulture);
            case "hostname":
                return "host" + (index + 1).ToString(CultureInfo.InvariantCulture) + ".sandbox.test";
            case "byte":
                return Convert.ToBase64String(Encoding.UTF8.GetBytes(hint));
            case "duration":
                return "PT1H";
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

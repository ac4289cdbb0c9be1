using System.Text.Json;

namespace Clients.Ovh.Tests.Sandbox;

/// <summary>A small, independent checker of JSON against an OpenAPI 3 schema (type, enum, properties, items, $ref, allOf, nullable).</summary>
internal sealed class OpenApiShapeValidator(JsonElement schemas)
{
    public List<string> Errors { get; } = [];

    public void Validate(JsonElement value, JsonElement schema, string at)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/components/schemas/".Length..];
            Validate(value, schemas.GetProperty(name), at);
            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!(schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean()))
            {
                Errors.Add($"{at}: null but not nullable");
            }

            return;
        }

        if (schema.TryGetProperty("allOf", out var allOf))
        {
            foreach (var part in allOf.EnumerateArray())
            {
                Validate(value, part, at);
            }
        }

        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.GetRawText() == value.GetRawText()))
        {
            Errors.Add($"{at}: {value.GetRawText()} not in enum");
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        var ok = type switch
        {
            "string" => value.ValueKind == JsonValueKind.String,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            "number" => value.ValueKind == JsonValueKind.Number,
            "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "array" => value.ValueKind == JsonValueKind.Array,
            "object" => value.ValueKind == JsonValueKind.Object,
            _ => true,
        };
        if (!ok)
        {
            Errors.Add($"{at}: expected {type}, got {value.ValueKind}");
            return;
        }

        if (type == "array" && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Validate(item, items, $"{at}[{i++}]");
            }
        }

        if (value.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                if (value.TryGetProperty(property.Name, out var child))
                {
                    Validate(child, property.Value, at + "." + property.Name);
                }
            }

            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray())
                {
                    if (!value.TryGetProperty(name.GetString()!, out _))
                    {
                        Errors.Add($"{at}: missing required {name.GetString()}");
                    }
                }
            }
        }
    }
}

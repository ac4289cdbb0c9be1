using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clients.Sandbox.Hosting;

/// <summary>
/// Makes an answer drift from its response schema (<see cref="SandboxDriftMode"/>): the one implementation the three
/// emulators share. It walks the JSON answer alongside its OpenAPI schema (local <c>$ref</c>s resolved by the caller).
/// </summary>
public static class SandboxDrift
{
    /// <summary>The name of the undeclared property <see cref="SandboxDriftMode.ExtraProperties"/> adds.</summary>
    public const string ExtraPropertyName = "sandboxDrift";

    /// <summary>The string <see cref="SandboxDriftMode.UnknownEnumValues"/> puts in place of a documented one.</summary>
    public const string UnknownStringValue = "sandboxDriftValue";

    private const int MaxDepth = 32;

    /// <summary>Returns the drifted answer (the node may be changed in place).</summary>
    /// <param name="node">The answer as the document describes it.</param>
    /// <param name="schema">Its response schema.</param>
    /// <param name="resolve">Follows a <c>$ref</c> (returns the element unchanged when it is not one).</param>
    /// <param name="mode">What to change.</param>
    /// <returns>The drifted answer.</returns>
    public static JsonNode? Apply(JsonNode? node, JsonElement schema, Func<JsonElement, JsonElement> resolve, SandboxDriftMode mode)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        return mode == SandboxDriftMode.None ? node : Walk(node, schema, resolve, mode, 0);
    }

    private static JsonNode? Walk(JsonNode? node, JsonElement schema, Func<JsonElement, JsonElement> resolve, SandboxDriftMode mode, int depth)
    {
        if (node is null || depth > MaxDepth || schema.ValueKind != JsonValueKind.Object)
        {
            return node;
        }

        schema = resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return node;
        }

        var (properties, required) = Shape(schema, resolve, depth);
        switch (node)
        {
            case JsonObject obj when properties.Count > 0:
                var optionalIndex = 0;
                foreach (var (name, value) in obj.ToList())
                {
                    if (!properties.TryGetValue(name, out var propertySchema))
                    {
                        continue;
                    }

                    var drifted = Walk(value, propertySchema, resolve, mode, depth + 1);
                    if (!ReferenceEquals(drifted, value))
                    {
                        obj[name] = drifted;
                    }

                    if (required.Contains(name))
                    {
                        continue;
                    }

                    if (optionalIndex++ % 2 == 0)
                    {
                        if (mode.HasFlag(SandboxDriftMode.MissingOptionalProperties))
                        {
                            obj.Remove(name);
                        }
                    }
                    else if (mode.HasFlag(SandboxDriftMode.UnexpectedNulls) && !IsNullable(resolve(propertySchema)))
                    {
                        obj[name] = null;
                    }
                }

                // Declared properties in the document's order, then what it does not declare: the order a client
                // generated from the document writes them back in.
                var ordered = obj.ToList();
                obj.Clear();
                foreach (var (name, value) in ordered.Where(p => properties.ContainsKey(p.Key)).OrderBy(p => properties.Keys.ToList().IndexOf(p.Key)))
                {
                    obj[name] = value;
                }

                foreach (var (name, value) in ordered.Where(p => !properties.ContainsKey(p.Key)))
                {
                    obj[name] = value;
                }

                if (mode.HasFlag(SandboxDriftMode.ExtraProperties))
                {
                    obj[ExtraPropertyName] = new JsonObject
                    {
                        ["note"] = "not in the document",
                        ["values"] = new JsonArray(1, 2.5, true, null),
                    };
                }

                return obj;
            case JsonObject map when schema.TryGetProperty("additionalProperties", out var valueSchema) && valueSchema.ValueKind == JsonValueKind.Object:
                foreach (var (key, value) in map.ToList())
                {
                    var drifted = Walk(value, valueSchema, resolve, mode, depth + 1);
                    if (!ReferenceEquals(drifted, value))
                    {
                        map[key] = drifted;
                    }
                }

                return map;
            case JsonArray array when schema.TryGetProperty("items", out var items):
                for (var i = 0; i < array.Count; i++)
                {
                    var item = array[i];
                    var drifted = Walk(item, items, resolve, mode, depth + 1);
                    if (!ReferenceEquals(drifted, item))
                    {
                        array[i] = drifted;
                    }
                }

                return array;
            case JsonValue value when mode.HasFlag(SandboxDriftMode.UnknownEnumValues)
                                      && schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array:
                return UnknownEnumValue(value, values) ?? value;
            default:
                return node;
        }
    }

    private static JsonValue? UnknownEnumValue(JsonValue value, JsonElement values)
    {
        var listed = values.EnumerateArray().ToList();
        switch (value.GetValueKind())
        {
            case JsonValueKind.String when listed.All(v => v.ValueKind == JsonValueKind.String):
                return JsonValue.Create(UnknownStringValue);
            case JsonValueKind.Number when listed.All(v => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out _)):
                return JsonValue.Create(listed.Max(v => v.GetInt64()) + 1);
            default:
                return null;
        }
    }

    /// <summary>The declared properties and required names of an object schema, <c>allOf</c> parts merged.</summary>
    private static (Dictionary<string, JsonElement> Properties, HashSet<string> Required) Shape(JsonElement schema, Func<JsonElement, JsonElement> resolve, int depth)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(schema, resolve, properties, required, depth);
        return (properties, required);
    }

    private static void Collect(JsonElement schema, Func<JsonElement, JsonElement> resolve, Dictionary<string, JsonElement> properties, HashSet<string> required, int depth)
    {
        schema = resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth)
        {
            return;
        }

        if (schema.TryGetProperty("allOf", out var parts) && parts.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in parts.EnumerateArray())
            {
                Collect(part, resolve, properties, required, depth + 1);
            }
        }

        if (schema.TryGetProperty("properties", out var declared) && declared.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in declared.EnumerateObject())
            {
                properties[property.Name] = property.Value;
            }
        }

        if (schema.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array)
        {
            foreach (var name in names.EnumerateArray())
            {
                if (name.GetString() is { } text)
                {
                    required.Add(text);
                }
            }
        }
    }

    private static bool IsNullable(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True;
}

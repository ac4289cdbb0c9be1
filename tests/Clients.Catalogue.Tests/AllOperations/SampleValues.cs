using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clients.Core.Wire;

namespace Clients.Catalogue.Tests.AllOperations;

/// <summary>
/// Argument values a careful caller would pass, built from the operation's schemas and the generated C# types: path and
/// query values valid for their type, format and enum (the strict emulator checks them); a request body is an instance
/// of the generated contract with every property its schema requires set (nested contracts too), nothing else.
/// </summary>
internal static class SampleValues
{
    private const int MaxDepth = 6;
    private static readonly DateTimeOffset Moment = new(2024, 1, 15, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A value of <paramref name="type"/> that fits <paramref name="schema"/> (null when no value can be made).</summary>
    public static object? For(Type type, JsonElement root, JsonElement? schema, string name, int depth = 0)
    {
        var resolved = schema is { } s ? Schemas.Resolve(root, s) : default;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(string))
        {
            return Text(root, resolved, name);
        }

        if (target == typeof(bool))
        {
            // The first value a boolean enum allows (Azure's `"enum": [true]`-style flags), else true.
            return resolved.ValueKind == JsonValueKind.Object && resolved.TryGetProperty("enum", out var flags) && flags.GetArrayLength() > 0
                   && flags[0].ValueKind is JsonValueKind.True or JsonValueKind.False
                ? flags[0].GetBoolean()
                : true;
        }

        if (target == typeof(int) || target == typeof(long) || target == typeof(short) || target == typeof(byte)
            || target == typeof(uint) || target == typeof(ulong) || target == typeof(ushort) || target == typeof(sbyte))
        {
            return Convert.ChangeType(Integer(resolved), target, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (target == typeof(double) || target == typeof(float) || target == typeof(decimal))
        {
            return Convert.ChangeType(Number(resolved), target, System.Globalization.CultureInfo.InvariantCulture);
        }

        if (target == typeof(DateOnly))
        {
            return DateOnly.FromDateTime(Moment.UtcDateTime);
        }

        if (target == typeof(DateTimeOffset))
        {
            return Moment;
        }

        if (target == typeof(DateTime))
        {
            return Moment.UtcDateTime;
        }

        if (target == typeof(TimeOnly))
        {
            return new TimeOnly(10, 0);
        }

        if (target == typeof(TimeSpan))
        {
            return TimeSpan.FromMinutes(5);
        }

        if (target == typeof(Guid))
        {
            return Guid.Parse("0b8d7a6e-4b1f-4c3e-9d2a-5f6e7a8b9c0d");
        }

        if (target == typeof(Uri))
        {
            return new Uri("https://example.com/sample");
        }

        if (target == typeof(JsonElement))
        {
            return JsonSerializer.SerializeToElement(Json(root, resolved, name, depth));
        }

        if (target == typeof(object))
        {
            return Text(root, resolved, name);
        }

        if (target.IsEnum)
        {
            return Enum.GetValues(target).GetValue(0);
        }

        if (typeof(IOpenEnum).IsAssignableFrom(target))
        {
            return OpenEnum(target, resolved);
        }

        if (target == typeof(byte[]))
        {
            return "sample"u8.ToArray();
        }

        if (depth > MaxDepth)
        {
            return null;
        }

        var itemsSchema = resolved.ValueKind == JsonValueKind.Object && resolved.TryGetProperty("items", out var items) ? items : (JsonElement?)null;
        if (target.IsArray)
        {
            var array = Array.CreateInstance(target.GetElementType()!, 1);
            array.SetValue(For(target.GetElementType()!, root, itemsSchema, name, depth + 1), 0);
            return array;
        }

        if (DictionaryTypes(target) is { } entry)
        {
            var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(entry.Key, entry.Value))!;
            var valueSchema = resolved.ValueKind == JsonValueKind.Object && resolved.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object
                ? additional
                : (JsonElement?)null;
            dictionary.Add(For(entry.Key, root, null, "key", depth + 1)!, For(entry.Value, root, valueSchema, name, depth + 1));
            return dictionary;
        }

        if (ItemType(target) is { } itemType)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            list.Add(For(itemType, root, itemsSchema, name, depth + 1));
            return list;
        }

        if (target.IsClass && target.GetConstructor(Type.EmptyTypes) is { } constructor)
        {
            return Contract(target, constructor, root, resolved, depth);
        }

        return null;
    }

    /// <summary>A contract with the properties its schema requires set (without a schema: those its C# type says are never null).</summary>
    private static object Contract(Type type, ConstructorInfo constructor, JsonElement root, JsonElement schema, int depth)
    {
        var instance = constructor.Invoke(null);
        var (properties, required) = schema.ValueKind == JsonValueKind.Object ? Schemas.Shape(root, schema) : ([], []);
        var nullability = new NullabilityInfoContext();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            if (property.GetCustomAttribute<JsonExtensionDataAttribute>() is not null)
            {
                continue;
            }

            var wireName = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
            var needed = properties.Count > 0 || required.Count > 0
                ? required.Contains(wireName)
                : !property.PropertyType.IsValueType && nullability.Create(property).WriteState == NullabilityState.NotNull;
            if (!needed)
            {
                continue;
            }

            var value = For(property.PropertyType, root, properties.TryGetValue(wireName, out var p) ? p : null, wireName, depth + 1);
            if (value is not null)
            {
                property.SetValue(instance, value);
            }
        }

        return instance;
    }

    private static object OpenEnum(Type type, JsonElement schema)
    {
        // The first value the document lists, as the generated static member a caller would pick.
        var known = type.GetProperties(BindingFlags.Public | BindingFlags.Static).FirstOrDefault(p => p.PropertyType == type);
        if (known is not null)
        {
            return known.GetValue(null)!;
        }

        var first = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0 ? values[0] : default;
        return type.GetInterfaces().Any(static i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IIntegerEnum<>))
            ? Activator.CreateInstance(type, first.ValueKind == JsonValueKind.Number ? first.GetInt64() : 0L)!
            : Activator.CreateInstance(type, first.ValueKind == JsonValueKind.String ? first.GetString()! : "sample")!;
    }

    /// <summary>The first value an integer enum allows, else 7 moved inside <c>minimum</c>/<c>maximum</c> (exclusive bounds too).</summary>
    private static long Integer(JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0 && values[0].TryGetInt64(out var first))
        {
            return first;
        }

        var (low, high) = Bounds(schema);
        var value = 7L;
        if (low is { } min)
        {
            value = Math.Max(value, (long)Math.Ceiling(min));
        }

        if (high is { } max)
        {
            value = Math.Min(value, (long)Math.Floor(max));
        }

        return value;
    }

    /// <summary>1.5 moved inside <c>minimum</c>/<c>maximum</c> (exclusive bounds too).</summary>
    private static double Number(JsonElement schema)
    {
        var (low, high) = Bounds(schema);
        var value = 1.5;
        if (low is { } min && value < min)
        {
            value = min;
        }

        if (high is { } max && value > max)
        {
            value = max;
        }

        return value;
    }

    // The inclusive bounds a value must keep: an exclusive bound (3.0's boolean form or 3.1's number form) moves by one.
    private static (double? Low, double? High) Bounds(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return (null, null);
        }

        double? Bound(string name, string exclusive, int step)
        {
            if (schema.TryGetProperty(exclusive, out var e) && e.ValueKind == JsonValueKind.Number)
            {
                return e.GetDouble() + step;
            }

            if (!schema.TryGetProperty(name, out var b) || b.ValueKind != JsonValueKind.Number)
            {
                return null;
            }

            return b.GetDouble() + (schema.TryGetProperty(exclusive, out var flag) && flag.ValueKind == JsonValueKind.True ? step : 0);
        }

        return (Bound("minimum", "exclusiveMinimum", 1), Bound("maximum", "exclusiveMaximum", -1));
    }

    /// <summary>A string that fits the schema: its first enum value, its example, a string its pattern accepts, or a value of its format.</summary>
    private static string Text(JsonElement root, JsonElement schema, string name)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0 && values[0].ValueKind == JsonValueKind.String)
        {
            return values[0].GetString()!;
        }

        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("example", out var example) && example.ValueKind == JsonValueKind.String)
        {
            return example.GetString()!;
        }

        if (Schemas.Text(schema, "pattern") is { } pattern && PatternSamples.For(pattern) is { } fits)
        {
            return fits;
        }

        return Schemas.Text(schema, "format") switch
        {
            "date" => "2024-01-15",
            "date-time" => "2024-01-15T10:00:00+00:00",
            "time" => "10:00:00",
            "ipv4" or "ip" => "192.0.2.1",
            "ipv6" => "2001:db8::1",
            "ipBlock" or "ipv4Block" or "ipv6Block" => "192.0.2.0/24",
            "email" => "sandbox@example.com",
            "uuid" => "0b8d7a6e-4b1f-4c3e-9d2a-5f6e7a8b9c0d",
            "uri" or "url" => "https://example.com/sample",
            "hostname" => "host.example.com",
            "macAddress" => "00:11:22:33:44:55",
            _ => "sample-" + name,
        };
    }

    /// <summary>Untyped JSON (a <see cref="JsonElement"/> property) shaped like its schema.</summary>
    private static object? Json(JsonElement root, JsonElement schema, string name, int depth) =>
        Schemas.Text(schema, "type") switch
        {
            "object" => new Dictionary<string, object?>(),
            "array" => Array.Empty<object>(),
            "integer" => 7,
            "number" => 1.5,
            "boolean" => true,
            _ => Text(root, schema, name),
        };

    private static (Type Key, Type Value)? DictionaryTypes(Type type)
    {
        foreach (var candidate in type.GetInterfaces().Append(type))
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() is var definition
                && (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)))
            {
                var arguments = candidate.GetGenericArguments();
                return typeof(Dictionary<,>).MakeGenericType(arguments).IsAssignableTo(type) ? (arguments[0], arguments[1]) : null;
            }
        }

        return null;
    }

    private static Type? ItemType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        var enumerable = type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable is not null && typeof(List<>).MakeGenericType(enumerable.GetGenericArguments()).IsAssignableTo(type)
            ? enumerable.GetGenericArguments()[0]
            : null;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Clients.Core.Wire;

/// <summary>
/// The base of a generated type for a <c>oneOf</c>/<c>anyOf</c> schema without a discriminator: a value read from the
/// wire keeps its JSON (written back unchanged) and is read as an alternative only when asked (<c>TryGet…</c>); a
/// value built from an alternative (<c>From…</c>) is written as that alternative.
/// </summary>
/// <remarks>
/// An alternative matches when the JSON is of its kind (string, number, boolean, array or object), has every property
/// its schema requires, and reads as it without error. Several alternatives can match the same JSON (an object with
/// the required properties of two schemas): <c>TryGet…</c> answers for one alternative, never picks among them.
/// </remarks>
public abstract class JsonUnion
{
    private readonly JsonElement? _json;
    private readonly JsonSerializerOptions? _options;
    private readonly object? _value;

    /// <summary>Wraps JSON as received.</summary>
    /// <param name="json">The JSON value.</param>
    /// <param name="options">The options it was read with.</param>
    protected JsonUnion(JsonElement json, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _json = json.Clone();
        _options = options;
    }

    /// <summary>Wraps one alternative's value.</summary>
    /// <param name="value">The value.</param>
    protected JsonUnion(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The JSON as received, or null when the value was built from an alternative.</summary>
    public JsonElement? Json => _json;

    /// <summary>The alternative's value this was built from, or null when it was read from JSON.</summary>
    public object? Value => _value;

    /// <summary>Reads the value as one alternative.</summary>
    /// <typeparam name="T">The alternative's type.</typeparam>
    /// <param name="kind">
    /// The JSON kind the alternative has: <see cref="JsonValueKind.True"/> stands for a boolean (true or false),
    /// <see cref="JsonValueKind.Undefined"/> for any kind.
    /// </param>
    /// <param name="required">The properties an object alternative requires.</param>
    /// <param name="value">The value, when it is this alternative.</param>
    /// <returns>True when the value is this alternative.</returns>
    protected bool TryGet<T>(JsonValueKind kind, string[] required, [MaybeNullWhen(false)] out T value)
    {
        ArgumentNullException.ThrowIfNull(required);
        value = default;
        if (_value is not null)
        {
            if (_value is T typed)
            {
                value = typed;
                return true;
            }

            return false;
        }

        var json = _json!.Value;
        var matches = kind switch
        {
            JsonValueKind.Undefined => true,
            JsonValueKind.True => json.ValueKind is JsonValueKind.True or JsonValueKind.False,
            _ => json.ValueKind == kind,
        };
        if (!matches || (kind == JsonValueKind.Object && required.Any(name => !json.TryGetProperty(name, out _))))
        {
            return false;
        }

        try
        {
            var read = json.Deserialize(_options!.GetTypeInfo(typeof(T)));
            if (read is T typed)
            {
                value = typed;
                return true;
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }

    /// <summary>Writes the JSON as received, or the alternative's value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="options">The options to write an alternative's value with.</param>
    internal void WriteTo(Utf8JsonWriter writer, JsonSerializerOptions options)
    {
        if (_json is { } json)
        {
            json.WriteTo(writer);
            return;
        }

        JsonSerializer.Serialize(writer, _value, options.GetTypeInfo(_value!.GetType()));
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clients.Core.Wire;

/// <summary>Reads and writes a generated string open enum as its exact wire string; unknown values are kept, never rejected.</summary>
/// <typeparam name="T">The generated enum type.</typeparam>
public sealed class StringEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IStringEnum<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string for {typeof(T).Name}, got {reader.TokenType}.");
        }

        return T.FromWire(reader.GetString()!);
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.WireValue);
    }

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FromWire(reader.GetString()!);

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.WireValue);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clients.Core.Wire;

/// <summary>Reads and writes a generated integer open enum as its exact wire number; unknown values are kept, never rejected.</summary>
/// <typeparam name="T">The generated enum type.</typeparam>
public sealed class IntegerEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IIntegerEnum<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            return T.FromWire(number);
        }

        // The Web defaults this project uses read numbers from strings too; keep that for enums.
        if (reader.TokenType == JsonTokenType.String
            && long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
        {
            return T.FromWire(number);
        }

        throw new JsonException($"Expected a JSON integer for {typeof(T).Name}, got {reader.TokenType}.");
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.WireValue);
    }
}

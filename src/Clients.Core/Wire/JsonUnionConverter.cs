using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clients.Core.Wire;

/// <summary>Reads a generated <see cref="JsonUnion"/> as the JSON it is and writes it back unchanged.</summary>
/// <typeparam name="T">The generated type.</typeparam>
public sealed class JsonUnionConverter<T> : JsonConverter<T>
    where T : JsonUnion, IJsonUnion<T>
{
    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FromJson(JsonElement.ParseValue(ref reader), options);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.WriteTo(writer, options);
    }
}

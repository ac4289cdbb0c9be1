using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Clients.Core.Wire;

/// <summary>Reads and writes a generated string open enum as its exact wire string; unknown values are kept, never rejected.</summary>
/// <remarks>
/// The strings read are pooled per enum type (at most 256 distinct values of at most 64 characters, whatever the provider
/// sends), so reading a value seen before allocates nothing: an open enum costs what a closed one does.
/// </remarks>
/// <typeparam name="T">The generated enum type.</typeparam>
public sealed class StringEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IStringEnum<T>
{
    private const int MaxPooledValues = 256;
    private const int MaxPooledLength = 64;
    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PoolBySpan =
        Pool.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <inheritdoc/>
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a JSON string for {typeof(T).Name}, got {reader.TokenType}.");
        }

        return T.FromWire(ReadString(ref reader));
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.WireValue);
    }

    /// <inheritdoc/>
    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FromWire(ReadString(ref reader));

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value.WireValue);
    }

    // The wire string, from the pool when it was seen before; invalid UTF-8 still fails in GetString as it always did.
    private static string ReadString(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan.Length <= MaxPooledLength)
        {
            Span<char> chars = stackalloc char[MaxPooledLength];
            if (Utf8.ToUtf16(reader.ValueSpan, chars, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done
                && PoolBySpan.TryGetValue(chars[..written], out var pooled))
            {
                return pooled;
            }
        }

        var value = reader.GetString()!;
        if (value.Length <= MaxPooledLength && Pool.Count < MaxPooledValues)
        {
            Pool.TryAdd(value, value);
        }

        return value;
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clients.Core.Wire;

namespace Clients.Core.Tests.Wire;

public sealed class StringEnumJsonConverterTests
{
    [Fact]
    public void A_value_read_twice_is_one_pooled_string_and_keeps_its_exact_text()
    {
        var first = JsonSerializer.Deserialize<Colour>("\"ultra-violet\"");
        var second = JsonSerializer.Deserialize<Colour>("\"ultra-violet\"");

        first.ToString().Should().Be("ultra-violet");
        first.IsKnown.Should().BeFalse();
        ReferenceEquals(first.ToString(), second.ToString()).Should().BeTrue("a value seen before comes from the pool");
        JsonSerializer.Serialize(second).Should().Be("\"ultra-violet\"");
    }

    [Theory]
    [InlineData("\"r\\u00e9d\"", "réd")]
    [InlineData("\"gr\u00fcn\"", "grün")]
    [InlineData("\"\"", "")]
    public void Escaped_non_ascii_and_empty_values_read_exactly(string json, string expected)
    {
        JsonSerializer.Deserialize<Colour>(json).ToString().Should().Be(expected);
        JsonSerializer.Deserialize<Colour>(json).ToString().Should().Be(expected, "the second read may come from the pool");
    }

    [Fact]
    public void Long_values_are_kept_whole_and_not_pooled()
    {
        var wire = new string('x', 500);

        var first = JsonSerializer.Deserialize<Colour>($"\"{wire}\"");
        var second = JsonSerializer.Deserialize<Colour>($"\"{wire}\"");

        first.ToString().Should().Be(wire);
        ReferenceEquals(first.ToString(), second.ToString()).Should().BeFalse();
    }

    [Fact]
    public void Invalid_utf8_still_fails_as_json()
    {
        var bytes = Encoding.UTF8.GetBytes("\"bad \"").ToList();
        bytes.Insert(5, 0xFF);

        var read = () => JsonSerializer.Deserialize<Colour>(bytes.ToArray());

        read.Should().Throw<Exception>().Where(e => e is JsonException || e is InvalidOperationException || e is ArgumentException);
    }

    [Fact]
    public void Property_names_are_read_through_the_pool_too()
    {
        var map = JsonSerializer.Deserialize<Dictionary<Colour, int>>("{\"red\":1,\"magenta\":2}")!;

        map.Keys.Select(k => k.ToString()).Should().Equal("red", "magenta");
        map.Keys.First().IsKnown.Should().BeTrue();
    }

    [JsonConverter(typeof(StringEnumJsonConverter<Colour>))]
    private readonly struct Colour(string value) : IStringEnum<Colour>
    {
        private readonly string? _value = value;

        public bool IsKnown => _value is "red";

        string IStringEnum<Colour>.WireValue => _value ?? string.Empty;

        public static Colour FromWire(string value) => new(value);

        public bool Equals(Colour other) => string.Equals(_value, other._value, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is Colour other && Equals(other);

        public override int GetHashCode() => _value is null ? 0 : StringComparer.Ordinal.GetHashCode(_value);

        public override string ToString() => _value ?? string.Empty;
    }
}

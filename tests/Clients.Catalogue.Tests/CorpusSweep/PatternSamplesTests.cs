using System.Text.Json;
using System.Text.RegularExpressions;
using Clients.Catalogue.Tests.AllOperations;
using Xunit.Abstractions;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>The sweep's sample strings for a schema's <c>pattern</c> (<see cref="PatternSamples"/>): every pattern of the corpus gets one it accepts.</summary>
public sealed class PatternSamplesTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("^d-[0-9a-f]{10}$", "d-0000000000")]
    [InlineData("(un)?authenticated", "unauthenticated")]
    [InlineData("^(sg-[0-9a-f]{8})$", "sg-00000000")]
    [InlineData("[a-z][-a-z0-9_]{0,31}", "a-")]
    [InlineData(@"arn:aws:iam::\d+:role/.*", "arn:aws:iam::0:role/a")]
    [InlineData(@"^[^\\/:*?\""\<\>|.]+[^\\/:*?\""<>|]*$", "aa")]
    [InlineData("^(?=.*[A-Z])(?=.*[0-9]).{8,}$", "Sample1!x")]
    public void A_pattern_gets_the_sample_its_walk_or_a_common_shape_gives(string pattern, string expected)
    {
        var sample = PatternSamples.For(pattern);

        sample.Should().Be(expected);
        Regex.IsMatch(sample!, pattern).Should().BeTrue();
    }

    [Fact]
    public void Every_pattern_of_every_corpus_document_gets_a_sample_it_accepts()
    {
        var patterns = CorpusSource.Documents()
            .Select(CorpusReading.OpenApi3Json)
            .OfType<byte[]>()
            .SelectMany(json => Patterns(JsonDocument.Parse(json).RootElement))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var refused = patterns.Where(p => PatternSamples.For(p) is not { } sample || !Regex.IsMatch(sample, p)).ToList();

        output.WriteLine($"{patterns.Count} distinct patterns in the corpus; {refused.Count} without a sample");
        patterns.Should().NotBeEmpty();
        refused.Should().BeEmpty();
    }

    private static IEnumerable<string> Patterns(JsonElement node) => node.ValueKind switch
    {
        JsonValueKind.Object => node.EnumerateObject().SelectMany(p =>
            p.Name == "pattern" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : Patterns(p.Value)),
        JsonValueKind.Array => node.EnumerateArray().SelectMany(Patterns),
        _ => [],
    };
}

using System.Text.Json.Nodes;

namespace Clients.SpecTools.Tests;

public sealed class SpecDiffReportTests
{
    private static JsonObject Changed()
    {
        var after = DiffInput.Fixture();
        DiffInput.Operation(after, "/search", "get")["parameters"]!.AsArray()
            .Add(new JsonObject { ["in"] = "query", ["name"] = "page", ["schema"] = new JsonObject { ["type"] = "integer" } });
        DiffInput.Schema(after, "Thing")["properties"]!.AsObject().Remove("name");
        DiffInput.Schema(after, "State")["enum"]!.AsArray().Add("broken");
        after["paths"]!.AsObject().Remove("/things");
        after["components"]!["schemas"]!["Extra"] = new JsonObject { ["type"] = "string" };
        return after;
    }

    [Fact]
    public void ToText_lists_counts_then_breaking_then_non_breaking_changes_one_per_line()
    {
        var report = DiffInput.Compare(DiffInput.Fixture(), Changed());

        report.ToText().Should().Be("""
            test: 5 changes (2 breaking, 3 non-breaking) in 1 document
              OperationRemoved 1, OperationChanged 1, SchemaAdded 1, SchemaChanged 2
            BREAKING (2):
              fixture: POST /things: operation removed
              fixture: schema Thing: property 'name': removed [affects GET /search, POST /things, GET /things/{id}]
            non-breaking (3):
              fixture: GET /search: parameter 'page' (query) added, optional
              fixture: schema Extra: schema added
              fixture: schema State: enum value "broken" added [affects GET /search, POST /things, GET /things/{id}]

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_is_deterministic_whatever_the_order_of_the_inputs()
    {
        var vps = CommittedSpecs.LoadOvhNode("v1/vps");
        var ip = CommittedSpecs.LoadOvhNode("v1/ip");
        var before = DiffInput.Of(("v1/vps", vps), ("v1/ip", ip), ("fixture", DiffInput.Fixture()));
        var after = DiffInput.Of(("fixture", Changed()), ("v1/ip", ip), ("v1/vps", vps));
        var reordered = new Dictionary<string, ReadOnlyMemory<byte>>(before.Reverse(), StringComparer.Ordinal);

        var first = SpecDiff.Compare("ovh", before, after);
        var second = SpecDiff.Compare("ovh", reordered, after);

        second.ToText().Should().Be(first.ToText());
        second.Changes.Should().Equal(first.Changes);
        first.Changes.Should().OnlyContain(c => c.Document == "fixture");
    }

    [Fact]
    public void Breaking_flags_summarize_the_report()
    {
        var nonBreaking = DiffInput.Fixture();
        nonBreaking["components"]!["schemas"]!["Extra"] = new JsonObject { ["type"] = "string" };

        var report = DiffInput.Compare(DiffInput.Fixture(), nonBreaking);

        report.HasChanges.Should().BeTrue();
        report.HasBreakingChanges.Should().BeFalse();
        report.ToText().Should().NotContain("BREAKING");
    }
}

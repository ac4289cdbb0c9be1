using Clients.Testing;

namespace Clients.Docs.Tests;

/// <summary>The snippet compiler and the link checker say no when they should (so a green run means something).</summary>
public sealed class CheckerTests
{
    [Fact]
    public void A_snippet_that_calls_a_missing_member_fails_at_its_markdown_line()
    {
        var block = Block("""
            builder.Services.AddOptimumClients(builder.Configuration.GetSection("Optimum"));
            builder.Services.AddOptimumClientz();
            """);

        SnippetCompiler.Problems(block).Should().ContainSingle()
            .Which.Should().StartWith("docs/example.md:41: CS1061");
    }

    [Fact]
    public void A_snippet_using_an_obsolete_member_fails()
    {
        var block = Block("""
            [Obsolete("use New")] static void Old() { }
            Old();
            """);

        SnippetCompiler.Problems(block).Should().ContainSingle().Which.Should().Contain("CS0618");
    }

    [Fact]
    public void A_program_snippet_may_declare_types_after_its_statements_and_use_the_ambient_names()
    {
        var block = Block("""
            builder.Services.AddOptimumClients(config.GetSection("Optimum"));

            public sealed class FleetReport(IOptimumVehiclesApi vehicles)
            {
                public Task<int> CountAsync(CancellationToken ct) => Task.FromResult(vehicles is null ? 0 : 1);
            }
            """);

        SnippetCompiler.Problems(block).Should().BeEmpty();
    }

    [Fact]
    public void A_members_snippet_is_wrapped_in_a_class()
    {
        var block = Block("public static int Answer => 42;", new SnippetDirective(SnippetKind.Members));

        SnippetCompiler.Problems(block).Should().BeEmpty();
        SnippetCompiler.Problems(block with { Directive = SnippetDirective.Default }).Should().NotBeEmpty("a property is no top-level statement");
    }

    [Fact]
    public void The_clients_generator_runs_on_a_snippet_so_its_members_exist()
    {
        var block = Block("""
            using Refit;

            builder.Services.AddMyFleetApi(config.GetSection("Optimum"));
            IReadOnlyList<Clients.Ovh.OvhAccessRule> rules = OvhAccessRules.For<IMyDomainsApi>();

            [OptimumApi]
            public interface IMyFleetApi
            {
                [Get("/fleet")] Task<string> GetFleetAsync(CancellationToken cancellationToken);
            }

            [OvhApi]
            public interface IMyDomainsApi
            {
                [Get("/domain")] Task<string[]> ListAsync(CancellationToken cancellationToken);
            }
            """);

        SnippetCompiler.Problems(block).Should().BeEmpty();
    }

    [Theory]
    [InlineData("members")]
    [InlineData("program")]
    [InlineData("skip needs a Redis server")]
    public void Directives_parse(string body) =>
        SnippetDirective.Parse($"<!-- snippet: {body} -->", "x.md:1").Kind.ToString().ToLowerInvariant().Should().Be(body.Split(' ')[0]);

    [Theory]
    [InlineData("<!-- snippet: skip -->")]
    [InlineData("<!-- snippet: statement -->")]
    [InlineData("<!-- snippet: members")]
    public void A_skip_without_a_reason_or_an_unknown_directive_is_an_error(string line)
    {
        var parse = () => SnippetDirective.Parse(line, "x.md:1");

        parse.Should().Throw<FormatException>();
    }

    [Fact]
    public void Blocks_lines_languages_and_directives_are_read_from_markdown()
    {
        var document = MarkdownDocument.Parse("docs/x.md", """
            # Title

            <!-- snippet: members -->
            ```csharp
            int A => 1;
            ```

            - a list item:

              ```csharp
              var x = 1;
              ```
            ```json
            {}
            ```
            """);

        document.CodeBlocks.Select(b => (b.Line, b.Language, b.Directive.Kind, b.Code)).Should().Equal(
            (5, "csharp", SnippetKind.Members, "int A => 1;\n"),
            (11, "csharp", SnippetKind.Program, "var x = 1;\n"),
            (14, "json", SnippetKind.Program, "{}\n"));
    }

    [Theory]
    [InlineData("Resilience: `.AddResilience()`", "resilience-addresilience")]
    [InlineData("Tokens: renewal and fleets", "tokens-renewal-and-fleets")]
    [InlineData("Regenerating in *your* project", "regenerating-in-your-project")]
    [InlineData("OVHcloud (AK/AS/CK)", "ovhcloud-akasck")]
    [InlineData("The [generator](generator.md) and CLG001", "the-generator-and-clg001")]
    public void Heading_anchors_follow_github(string heading, string anchor) => MarkdownDocument.Slug(heading).Should().Be(anchor);

    [Fact]
    public void Duplicate_headings_get_numbered_anchors_and_links_in_code_are_ignored()
    {
        var document = MarkdownDocument.Parse("docs/x.md", """
            ## Errors
            ## Errors
            See `[not a link](nowhere.md)` and [a link](#errors-1).
            ```
            [also not a link](nowhere.md)
            ```
            """);

        document.Anchors.Should().Contain(["errors", "errors-1"]);
        document.Links.Select(l => l.Target).Should().Equal("#errors-1");
    }

    [Theory]
    [InlineData("nowhere.md", "does not exist")]
    [InlineData("../README.md#no-such-heading", "has no heading")]
    [InlineData("#no-such-heading", "has no heading")]
    [InlineData("../../outside/design.md", "leaves the repository")]
    [InlineData("../Clients.sln#section", "is not a line anchor")]
    public void A_broken_link_is_reported(string target, string reason)
    {
        var problem = LinkChecker.Problem(new MarkdownLink("docs/README.md", 7, target), TestRepository.Root, LinkTests.Anchors);

        problem.Should().StartWith("docs/README.md:7: ").And.Contain(reason);
    }

    [Theory]
    [InlineData("https://eu.api.ovh.com/createApp/")]
    [InlineData("../README.md")]
    [InlineData("../specs/")]
    [InlineData("/Clients.sln")]
    [InlineData("../Clients.sln#L1")]
    public void A_good_link_passes(string target) =>
        LinkChecker.Problem(new MarkdownLink("docs/README.md", 7, target), TestRepository.Root, LinkTests.Anchors).Should().BeNull();

    private static CodeBlock Block(string code, SnippetDirective? directive = null) =>
        new("docs/example.md", 40, "csharp", code + "\n", directive ?? SnippetDirective.Default);
}

namespace Clients.Docs.Tests;

/// <summary>Every <c>csharp</c> block of README.md, CONTRIBUTING.md and docs/**/*.md compiles against the real packages.</summary>
public sealed class SnippetTests
{
    public static TheoryData<string> CompiledBlocks()
    {
        var data = new TheoryData<string>();
        foreach (var block in DocumentSet.CSharpBlocks.Where(b => b.Directive.Kind != SnippetKind.Skip))
        {
            data.Add(block.Location);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CompiledBlocks))]
    public void Snippet_compiles(string location)
    {
        var block = DocumentSet.CSharpBlocks.Single(b => b.Location == location);

        var problems = SnippetCompiler.Problems(block);

        problems.Should().BeEmpty(
            "the ```csharp block at {0} must compile against the packages (wrapped as {1}; the conventions are in docs/README.md):\n{2}",
            location, block.Directive.Kind, string.Join("\n", problems));
    }

    [Fact]
    public void The_documentation_has_snippets_and_the_readme_one_per_provider()
    {
        DocumentSet.CSharpBlocks.Should().HaveCountGreaterThan(10);
        var readme = DocumentSet.Documents["README.md"].CodeBlocks.Where(b => b.Language == "csharp").Select(b => b.Code).ToList();
        readme.Should().Contain(c => c.Contains("AddOptimumClients", StringComparison.Ordinal));
        readme.Should().Contain(c => c.Contains("AddOvhClients", StringComparison.Ordinal));
        readme.Should().Contain(c => c.Contains("AddOrigamiClients", StringComparison.Ordinal));
    }

    [Fact]
    public void Skipped_blocks_are_rare_and_say_why()
    {
        var blocks = DocumentSet.CSharpBlocks.ToList();
        var skipped = blocks.Where(b => b.Directive.Kind == SnippetKind.Skip).ToList();

        skipped.Should().OnlyContain(b => !string.IsNullOrWhiteSpace(b.Directive.Reason));
        skipped.Count.Should().BeLessThanOrEqualTo(Math.Max(1, blocks.Count / 10),
            "skipping a block must stay rare; skipped: {0}", string.Join(", ", skipped.Select(b => $"{b.Location} ({b.Directive.Reason})")));
    }

    [Fact]
    public void CSharp_blocks_are_labelled_csharp_so_none_escapes_the_compiler()
    {
        var aliases = DocumentSet.Documents.Values.SelectMany(d => d.CodeBlocks)
            .Where(b => b.Language is not "csharp" && (b.Language.Equals("cs", StringComparison.OrdinalIgnoreCase)
                || b.Language.Equals("c#", StringComparison.OrdinalIgnoreCase)
                || b.Language.Equals("csharp", StringComparison.OrdinalIgnoreCase)))
            .Select(b => $"{b.Location} ({b.Language})");

        aliases.Should().BeEmpty("C# blocks are fenced ```csharp, the label the snippet test compiles");
    }

    [Fact]
    public void Directives_stand_only_before_csharp_blocks()
    {
        var misplaced = DocumentSet.Documents.Values.SelectMany(d => d.CodeBlocks)
            .Where(b => b.Language != "csharp" && b.Directive != SnippetDirective.Default)
            .Select(b => b.Location);

        misplaced.Should().BeEmpty("a snippet directive applies to the ```csharp block right after it");
    }
}

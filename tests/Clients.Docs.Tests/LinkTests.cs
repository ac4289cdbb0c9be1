using Clients.Testing;

namespace Clients.Docs.Tests;

/// <summary>Every relative link (and #anchor) of README.md, CONTRIBUTING.md and docs/**/*.md resolves in the clone.</summary>
public sealed class LinkTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in DocumentSet.Files())
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Relative_links_resolve(string file)
    {
        var problems = DocumentSet.Documents[file].Links
            .Select(link => LinkChecker.Problem(link, TestRepository.Root, Anchors))
            .OfType<string>()
            .ToList();

        problems.Should().BeEmpty("every relative link of {0} must name an existing file and heading:\n{1}", file, string.Join("\n", problems));
    }

    [Fact]
    public void The_docs_folder_has_a_table_of_contents_that_reaches_every_page()
    {
        var toc = DocumentSet.Documents.Should().ContainKey("docs/README.md").WhoseValue;
        var linked = toc.Links.Where(l => !l.IsExternal)
            .Select(l => l.Target.Split('#')[0])
            .Select(t => Path.GetRelativePath(TestRepository.Root, Path.GetFullPath(Path.Combine(TestRepository.Root, "docs", t))).Replace('\\', '/'))
            .ToHashSet(StringComparer.Ordinal);

        var unreachable = DocumentSet.Files().Where(f => f.StartsWith("docs/", StringComparison.Ordinal) && f != "docs/README.md" && !linked.Contains(f));

        unreachable.Should().BeEmpty("docs/README.md is the manual's table of contents: every page of docs/ is listed there");
    }

    internal static IReadOnlySet<string> Anchors(string file) =>
        DocumentSet.Documents.TryGetValue(file, out var document)
            ? document.Anchors
            : MarkdownDocument.Parse(file, File.ReadAllText(TestRepository.Path(file))).Anchors;
}

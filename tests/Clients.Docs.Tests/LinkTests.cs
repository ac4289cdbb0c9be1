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
    public void Every_page_of_docs_is_reachable_from_its_table_of_contents()
    {
        DocumentSet.Documents.Should().ContainKey("docs/README.md");
        var reached = new HashSet<string>(StringComparer.Ordinal) { "docs/README.md" };
        var queue = new Queue<string>(reached);
        while (queue.TryDequeue(out var file))
        {
            foreach (var link in DocumentSet.Documents[file].Links.Where(l => !l.IsExternal))
            {
                var target = Target(link);
                if (DocumentSet.Documents.ContainsKey(target) && reached.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        var unreachable = DocumentSet.Files().Where(f => f.StartsWith("docs/", StringComparison.Ordinal) && !reached.Contains(f));

        unreachable.Should().BeEmpty("docs/README.md is the manual's table of contents: every page of docs/ is reached from it by links");
    }

    /// <summary>The repository-relative file a relative link points to (a folder's README.md for a folder).</summary>
    private static string Target(MarkdownLink link)
    {
        var path = Uri.UnescapeDataString(link.Target.Split('#')[0]);
        if (path.Length == 0)
        {
            return link.File;
        }

        var full = Path.GetFullPath(Path.Combine(TestRepository.Root, Path.GetDirectoryName(link.File) ?? "", path));
        if (Directory.Exists(full))
        {
            full = Path.Combine(full, "README.md");
        }

        return DocumentSet.Relative(full);
    }

    internal static IReadOnlySet<string> Anchors(string file) =>
        DocumentSet.Documents.TryGetValue(file, out var document)
            ? document.Anchors
            : MarkdownDocument.Parse(file, File.ReadAllText(TestRepository.Path(file))).Anchors;
}

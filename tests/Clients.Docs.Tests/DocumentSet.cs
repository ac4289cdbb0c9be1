using Clients.Testing;

namespace Clients.Docs.Tests;

/// <summary>The documentation under test: README.md, CONTRIBUTING.md and every docs/**/*.md, parsed once.</summary>
internal static class DocumentSet
{
    private static readonly Lazy<IReadOnlyDictionary<string, MarkdownDocument>> LazyDocuments = new(Load);

    /// <summary>By repository-relative path (<c>/</c> separators).</summary>
    public static IReadOnlyDictionary<string, MarkdownDocument> Documents => LazyDocuments.Value;

    public static IEnumerable<CodeBlock> CSharpBlocks =>
        Documents.Values.SelectMany(d => d.CodeBlocks).Where(b => b.Language == "csharp");

    public static IEnumerable<string> Files()
    {
        yield return "README.md";
        yield return "CONTRIBUTING.md";
        var docs = TestRepository.Path("docs");
        if (Directory.Exists(docs))
        {
            foreach (var file in Directory.EnumerateFiles(docs, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                yield return Relative(file);
            }
        }
    }

    /// <summary>A path under the repository root, relative to it, with <c>/</c> separators.</summary>
    public static string Relative(string fullPath) =>
        Path.GetRelativePath(TestRepository.Root, fullPath).Replace(Path.DirectorySeparatorChar, '/');

    private static IReadOnlyDictionary<string, MarkdownDocument> Load() =>
        Files().ToDictionary(f => f, f => MarkdownDocument.Parse(f, File.ReadAllText(TestRepository.Path(f))), StringComparer.Ordinal);
}

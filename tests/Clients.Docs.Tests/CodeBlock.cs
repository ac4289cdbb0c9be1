namespace Clients.Docs.Tests;

/// <summary>One fenced code block of a Markdown file.</summary>
/// <param name="File">The file, relative to the repository root, with <c>/</c> separators.</param>
/// <param name="Line">The 1-based line of the block's first code line (the line after the opening fence).</param>
/// <param name="Language">The fence's info string up to its first space (<c>csharp</c>, <c>json</c>, empty...).</param>
/// <param name="Code">The block's text, its fence's indentation removed, lines joined with <c>\n</c>.</param>
/// <param name="Directive">The <c>&lt;!-- snippet: ... --&gt;</c> comment right before the opening fence, if any.</param>
internal sealed record CodeBlock(string File, int Line, string Language, string Code, SnippetDirective Directive)
{
    /// <summary><c>file:line</c>, as a test case name and in failure messages.</summary>
    public string Location => $"{File}:{Line}";
}

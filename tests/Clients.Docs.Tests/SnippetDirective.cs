namespace Clients.Docs.Tests;

/// <summary>How a <c>csharp</c> block is wrapped before it is compiled.</summary>
internal enum SnippetKind
{
    /// <summary>The default: a program file (usings, then statements, then types), as <c>Program.cs</c> would hold.</summary>
    Program,

    /// <summary><c>&lt;!-- snippet: members --&gt;</c>: members of a class (properties, methods, fields).</summary>
    Members,

    /// <summary><c>&lt;!-- snippet: skip REASON --&gt;</c>: not compiled; the reason is required and shown.</summary>
    Skip,
}

/// <summary>The HTML comment before a fence that says how to compile the block: <c>&lt;!-- snippet: members --&gt;</c>.</summary>
internal sealed record SnippetDirective(SnippetKind Kind, string? Reason = null)
{
    public static readonly SnippetDirective Default = new(SnippetKind.Program);

    private const string Prefix = "<!-- snippet:";

    /// <summary>Whether the line is a snippet directive at all (a malformed one is an error, not prose).</summary>
    public static bool IsDirective(string line) => line.TrimStart().StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Parses <c>&lt;!-- snippet: members --&gt;</c>, <c>&lt;!-- snippet: program --&gt;</c> or <c>&lt;!-- snippet: skip why --&gt;</c>.</summary>
    public static SnippetDirective Parse(string line, string location)
    {
        var text = line.Trim();
        if (!text.EndsWith("-->", StringComparison.Ordinal))
        {
            throw new FormatException($"{location}: a snippet directive is one line ending with '-->': {text}");
        }

        var body = text[Prefix.Length..^3].Trim();
        var space = body.IndexOf(' ', StringComparison.Ordinal);
        var word = space < 0 ? body : body[..space];
        var rest = space < 0 ? "" : body[(space + 1)..].Trim();
        return word switch
        {
            "program" when rest.Length == 0 => Default,
            "members" when rest.Length == 0 => new SnippetDirective(SnippetKind.Members),
            "skip" when rest.Length > 0 => new SnippetDirective(SnippetKind.Skip, rest),
            "skip" => throw new FormatException($"{location}: '<!-- snippet: skip -->' must say why the block cannot be compiled."),
            _ => throw new FormatException($"{location}: unknown snippet directive '{body}' (program, members, or skip REASON)."),
        };
    }
}

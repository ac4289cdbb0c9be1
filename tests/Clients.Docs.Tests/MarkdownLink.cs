namespace Clients.Docs.Tests;

/// <summary>A link target written in a Markdown file (outside code), with where it was written.</summary>
internal sealed record MarkdownLink(string File, int Line, string Target)
{
    public string Location => $"{File}:{Line}";

    /// <summary>http:, https:, mailto:... — not checked (no network).</summary>
    public bool IsExternal => Target.Length > 1 && Target.IndexOf(':', StringComparison.Ordinal) is > 1 and var colon
        && Target[..colon].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
}

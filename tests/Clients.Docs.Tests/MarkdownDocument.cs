using System.Text;
using System.Text.RegularExpressions;

namespace Clients.Docs.Tests;

/// <summary>
/// The parts of a Markdown file the documentation tests read: its fenced code blocks, the anchors its headings make
/// (GitHub's rules), and the links written outside code.
/// </summary>
internal sealed partial class MarkdownDocument
{
    private MarkdownDocument(string file, IReadOnlyList<CodeBlock> blocks, IReadOnlySet<string> anchors, IReadOnlyList<MarkdownLink> links)
    {
        File = file;
        CodeBlocks = blocks;
        Anchors = anchors;
        Links = links;
    }

    /// <summary>The file, relative to the repository root, with <c>/</c> separators.</summary>
    public string File { get; }

    public IReadOnlyList<CodeBlock> CodeBlocks { get; }

    /// <summary>Every <c>#anchor</c> a link may name: heading slugs (duplicates numbered) and <c>&lt;a id/name&gt;</c>.</summary>
    public IReadOnlySet<string> Anchors { get; }

    public IReadOnlyList<MarkdownLink> Links { get; }

    public static MarkdownDocument Parse(string file, string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<CodeBlock>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var slugCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var links = new List<MarkdownLink>();

        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (fence.Success)
            {
                var indent = fence.Groups["indent"].Length;
                var marker = fence.Groups["marker"].Value;
                var language = fence.Groups["info"].Value.Trim().Split(' ', 2)[0];
                var start = i + 1;
                var code = new StringBuilder();
                var closed = false;
                for (i++; i < lines.Length; i++)
                {
                    var line = lines[i];
                    var trimmed = line.TrimStart();
                    if (trimmed.StartsWith(marker, StringComparison.Ordinal) && trimmed.TrimEnd().All(c => c == marker[0]))
                    {
                        closed = true;
                        break;
                    }

                    var cut = 0;
                    while (cut < indent && cut < line.Length && line[cut] == ' ')
                    {
                        cut++;
                    }

                    code.Append(line.AsSpan(cut)).Append('\n');
                }

                if (!closed)
                {
                    throw new FormatException($"{file}:{start}: the code block opened here is never closed.");
                }

                blocks.Add(new CodeBlock(file, start + 1, language, code.ToString(), DirectiveBefore(lines, start - 1, file)));
                continue;
            }

            var prose = WithoutCodeSpans(lines[i]);
            var heading = Heading().Match(lines[i]);
            if (heading.Success)
            {
                var slug = Slug(heading.Groups["text"].Value);
                var n = slugCounts.GetValueOrDefault(slug);
                anchors.Add(n == 0 ? slug : $"{slug}-{n}");
                slugCounts[slug] = n + 1;
            }

            foreach (Match anchor in HtmlAnchor().Matches(prose))
            {
                anchors.Add(anchor.Groups["id"].Value);
            }

            foreach (Match link in InlineLink().Matches(prose))
            {
                links.Add(new MarkdownLink(file, i + 1, link.Groups["target"].Value));
            }

            var definition = ReferenceDefinition().Match(prose);
            if (definition.Success)
            {
                links.Add(new MarkdownLink(file, i + 1, definition.Groups["target"].Value));
            }
        }

        return new MarkdownDocument(file, blocks, anchors, links);
    }

    /// <summary>GitHub's heading anchor: lower case, links reduced to their text, punctuation dropped, spaces to hyphens.</summary>
    public static string Slug(string heading)
    {
        var text = LinkInHeading().Replace(heading.Trim(), "${text}").ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ')
            {
                slug.Append('-');
            }
            else if (c == '-' || c == '_' || char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                slug.Append(c);
            }
        }

        return slug.ToString();
    }

    private static SnippetDirective DirectiveBefore(string[] lines, int fenceIndex, string file)
    {
        for (var j = fenceIndex - 1; j >= 0; j--)
        {
            if (string.IsNullOrWhiteSpace(lines[j]))
            {
                continue;
            }

            return SnippetDirective.IsDirective(lines[j])
                ? SnippetDirective.Parse(lines[j], $"{file}:{j + 1}")
                : SnippetDirective.Default;
        }

        return SnippetDirective.Default;
    }

    /// <summary>The line with the text of its code spans blanked (backticks kept), so links and headings inside code don't count.</summary>
    private static string WithoutCodeSpans(string line) =>
        CodeSpan().Replace(line, m => m.Groups["ticks"].Value + new string(' ', m.Groups["code"].Length) + m.Groups["ticks"].Value);

    [GeneratedRegex(@"^(?<indent> {0,12})(?<marker>`{3,}|~{3,})(?<info>[^`]*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)[ \t]*#*[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<a\s+(?:id|name)=""(?<id>[^""]+)""")]
    private static partial Regex HtmlAnchor();

    // [text](target) and ![alt](target), with an optional "title"; <target> in angle brackets too.
    [GeneratedRegex(@"!?\[(?<text>[^\]]*)\]\(\s*<?(?<target>[^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*<?(?<target>[^\s>]+)>?")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkInHeading();

    [GeneratedRegex(@"(?<ticks>`+)(?<code>.+?)\k<ticks>")]
    private static partial Regex CodeSpan();
}

using System.Text;

namespace Clients.SpecTools.Internal;

/// <summary>Cheap checks on the raw bytes before any JSON parsing: empty bodies, HTML pages, YAML.</summary>
internal static class ContentSniffer
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Strips a UTF-8 byte order mark, which <see cref="System.Text.Json.JsonDocument"/> does not accept in memory.</summary>
    public static ReadOnlyMemory<byte> StripBom(ReadOnlyMemory<byte> content) =>
        content.Span.StartsWith(Utf8Bom) ? content[Utf8Bom.Length..] : content;

    public static int FirstNonWhitespace(ReadOnlySpan<byte> content)
    {
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The media type without parameters, lower case; <see langword="null"/> when absent.</summary>
    public static string? NormalizeMediaType(string? mediaType)
    {
        if (string.IsNullOrWhiteSpace(mediaType))
        {
            return null;
        }

        var semicolon = mediaType.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? mediaType[..semicolon] : mediaType).Trim().ToLowerInvariant();
    }

    public static bool IsHtmlMediaType(string? normalizedMediaType) =>
        normalizedMediaType is "text/html" or "application/xhtml+xml";

    public static bool IsYamlMediaType(string? normalizedMediaType) =>
        normalizedMediaType is not null && normalizedMediaType.Contains("yaml", StringComparison.Ordinal);

    /// <summary>Whether the text (starting at its first non-blank byte) looks like an HTML page.</summary>
    public static bool LooksLikeHtml(ReadOnlySpan<byte> trimmed)
    {
        var head = Encoding.UTF8.GetString(trimmed[..Math.Min(trimmed.Length, 2048)]);
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (head.StartsWith('<') && head.Contains("<html", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The page's <c>&lt;title&gt;</c>, shortened, to tell a login page from a gateway error.</summary>
    public static string? HtmlTitle(ReadOnlySpan<byte> trimmed)
    {
        var head = Encoding.UTF8.GetString(trimmed[..Math.Min(trimmed.Length, 8192)]);
        var start = head.IndexOf("<title", StringComparison.OrdinalIgnoreCase);
        if (start < 0)
        {
            return null;
        }

        var open = head.IndexOf('>', start);
        var close = open < 0 ? -1 : head.IndexOf("</title", open, StringComparison.OrdinalIgnoreCase);
        if (close < 0)
        {
            return null;
        }

        var title = string.Join(' ', head[(open + 1)..close].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return title.Length == 0 ? null : title.Length <= 80 ? title : title[..77] + "...";
    }

    /// <summary>Whether the text starts like a YAML OpenAPI document (<c>openapi: 3...</c>, <c>swagger: "2.0"</c>, <c>---</c>).</summary>
    public static bool LooksLikeYaml(ReadOnlySpan<byte> trimmed) =>
        trimmed.StartsWith("openapi:"u8) || trimmed.StartsWith("swagger:"u8) || trimmed.StartsWith("---"u8);
}

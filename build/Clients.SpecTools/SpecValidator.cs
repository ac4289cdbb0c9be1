using System.Globalization;
using System.Text.Json;
using Clients.SpecTools.Internal;

namespace Clients.SpecTools;

/// <summary>
/// Decides whether a freshly pulled document may replace the committed one. It refuses, with a reason naming the
/// source and the place: empty content, an HTML page (error, login or gateway page), YAML, invalid or truncated JSON,
/// JSON that is not an OpenAPI 3.x / Swagger 2.0 document, an unresolvable or external <c>$ref</c>, and (by default)
/// a document without operations. One parse and one linear walk: OVH's 790 KB <c>me.json</c> takes milliseconds.
/// </summary>
public static class SpecValidator
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 256 };

    /// <summary>Validates <paramref name="content"/> with <see cref="SpecValidationOptions.Default"/>.</summary>
    /// <param name="content">The raw bytes received.</param>
    /// <param name="mediaType">The response's media type (<c>Content-Type</c>), if known.</param>
    /// <param name="source">Where the bytes come from; named in every failure.</param>
    /// <returns>The outcome; <see cref="SpecValidationResult.Reason"/> says what is wrong and where.</returns>
    public static SpecValidationResult Validate(ReadOnlyMemory<byte> content, string? mediaType, SpecSource source) =>
        Validate(content, mediaType, source, SpecValidationOptions.Default);

    /// <summary>Validates <paramref name="content"/>.</summary>
    /// <param name="content">The raw bytes received.</param>
    /// <param name="mediaType">The response's media type (<c>Content-Type</c>), if known.</param>
    /// <param name="source">Where the bytes come from; named in every failure.</param>
    /// <param name="options">Validation switches.</param>
    /// <returns>The outcome; <see cref="SpecValidationResult.Reason"/> says what is wrong and where.</returns>
    public static SpecValidationResult Validate(ReadOnlyMemory<byte> content, string? mediaType, SpecSource source, SpecValidationOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);

        var body = ContentSniffer.StripBom(content);
        var start = ContentSniffer.FirstNonWhitespace(body.Span);
        if (start < 0)
        {
            return SpecValidationResult.Invalid(source, content.Length == 0
                ? "the document is empty (0 bytes)"
                : string.Create(CultureInfo.InvariantCulture, $"the document contains only whitespace ({content.Length} bytes)"));
        }

        var trimmed = body.Span[start..];
        var normalizedMediaType = ContentSniffer.NormalizeMediaType(mediaType);
        if (ContentSniffer.IsHtmlMediaType(normalizedMediaType) || ContentSniffer.LooksLikeHtml(trimmed))
        {
            var title = ContentSniffer.HtmlTitle(trimmed);
            return SpecValidationResult.Invalid(source,
                $"received an HTML page{(normalizedMediaType is null ? string.Empty : $" ({normalizedMediaType})")}"
                + $"{(title is null ? string.Empty : $" titled \"{title}\"")} instead of a JSON spec document"
                + " (an error, login or gateway page?)");
        }

        if (trimmed[0] == (byte)'<')
        {
            return SpecValidationResult.Invalid(source, "received markup (the content starts with '<') instead of a JSON spec document");
        }

        if (ContentSniffer.IsYamlMediaType(normalizedMediaType) || ContentSniffer.LooksLikeYaml(trimmed))
        {
            return SpecValidationResult.Invalid(source, "received YAML; the project reads the JSON form of the document (request it, e.g. with an Accept or format parameter)");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (JsonException exception)
        {
            return SpecValidationResult.Invalid(source, JsonSyntaxError.Describe(exception, body.Span));
        }

        using (document)
        {
            return ValidateStructure(body.Span, document.RootElement, source, options);
        }
    }

    private static SpecValidationResult ValidateStructure(ReadOnlySpan<byte> content, JsonElement root, SpecSource source, SpecValidationOptions options)
    {
        if (!OpenApiShape.TryGetFormat(root, out var format, out var problem, out var pointer))
        {
            return SpecValidationResult.Invalid(source, problem!, pointer);
        }

        if (!root.TryGetProperty("info", out var info) || info.ValueKind != JsonValueKind.Object)
        {
            return SpecValidationResult.Invalid(source, "not an OpenAPI document: the root has no 'info' object", "/info");
        }

        if (!root.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
        {
            return SpecValidationResult.Invalid(source, "not an OpenAPI document: the root has no 'paths' object", "/paths");
        }

        foreach (var pathItem in paths.EnumerateObject())
        {
            if (pathItem.Name.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            var itemPointer = "/paths/" + JsonPointer.Escape(pathItem.Name);
            if (!pathItem.Name.StartsWith('/'))
            {
                return SpecValidationResult.Invalid(source, $"path '{pathItem.Name}' at {itemPointer} does not start with '/'", itemPointer);
            }

            if (pathItem.Value.ValueKind != JsonValueKind.Object)
            {
                return SpecValidationResult.Invalid(source, $"path item at {itemPointer} is {OpenApiShape.Article(pathItem.Value.ValueKind)}, not an object", itemPointer);
            }
        }

        var references = LocalReferenceCheck.Run(content, root, format);
        if (references.FirstProblem is not null)
        {
            var more = references.ProblemCount > 1
                ? string.Create(CultureInfo.InvariantCulture, $" (and {references.ProblemCount - 1} more bad references)")
                : string.Empty;
            return SpecValidationResult.Invalid(source, references.FirstProblem + more, references.FirstPointer);
        }

        var operations = OpenApiShape.CountOperations(paths);
        if (operations == 0 && !options.AllowNoOperations)
        {
            return SpecValidationResult.Invalid(source, "the document declares no operations under 'paths'", "/paths");
        }

        return SpecValidationResult.Valid with { OperationCount = operations };
    }
}

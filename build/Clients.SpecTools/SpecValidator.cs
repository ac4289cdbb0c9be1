using System.Globalization;
using System.Text.Json;
using Clients.SpecTools.Internal;
using Clients.SpecTools.Reading;

namespace Clients.SpecTools;

/// <summary>
/// Decides whether a freshly pulled document may replace the committed one. It refuses, with a reason naming the
/// source and the place: empty content, an HTML page (error, login or gateway page), invalid or truncated JSON or YAML,
/// a document that is not OpenAPI 3.0/3.1 or Swagger 2.0, an unresolvable <c>$ref</c>, a remote one, a local external one
/// that cannot be bundled (see <see cref="SpecReader"/>), and (by default) a document without operations. An OpenAPI 3.x
/// JSON document takes one parse and one linear walk: OVH's 790 KB <c>me.json</c> takes milliseconds; any other form is
/// read by <see cref="SpecReader"/> (YAML, other encodings, Swagger 2.0 upgraded, external references bundled) and its
/// OpenAPI 3 form checked the same way.
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
    public static SpecValidationResult Validate(ReadOnlyMemory<byte> content, string? mediaType, SpecSource source, SpecValidationOptions options) =>
        Validate(content, mediaType, source, options, null);

    /// <summary>Validates <paramref name="content"/>, reading the files its local external <c>$ref</c>s name through <paramref name="siblings"/>.</summary>
    internal static SpecValidationResult Validate(ReadOnlyMemory<byte> content, string? mediaType, SpecSource source, SpecValidationOptions options, Func<string, byte[]?>? siblings)
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
                + $"{(title is null ? string.Empty : $" titled \"{title}\"")} instead of a JSON or YAML spec document"
                + " (an error, login or gateway page?)");
        }

        if (trimmed[0] == (byte)'<')
        {
            return SpecValidationResult.Invalid(source, "received markup (the content starts with '<') instead of a JSON or YAML spec document");
        }

        // UTF-8 JSON: the structure is checked on the document as written (messages name its own pointers, Swagger 2.0's
        // included); an OpenAPI 3.x one without external references is then done, exactly as the reader's fast path.
        if (trimmed[0] is (byte)'{' or (byte)'[')
        {
            JsonDocument original;
            try
            {
                original = JsonDocument.Parse(body, ParseOptions);
            }
            catch (JsonException exception)
            {
                return SpecValidationResult.Invalid(source, JsonSyntaxError.Describe(exception, body.Span));
            }

            using (original)
            {
                var written = ValidateStructure(body.Span, original.RootElement, source, options, skipExternal: true);
                if (!written.IsValid || (OpenApiShape.TryGetFormat(original.RootElement, out var format, out _, out _)
                                         && format == SpecFormat.OpenApi3 && !Reading.SpecReader.HasExternalReference(body.Span)))
                {
                    return written;
                }
            }
        }

        SpecReadResult read;
        try
        {
            read = SpecReader.Read(content, source.Location, siblings);
        }
        catch (SpecReadException exception)
        {
            return SpecValidationResult.Invalid(source, exception.Message, exception.Pointer);
        }

        using (read.Document)
        {
            return ValidateStructure(read.Json.Span, read.Document.RootElement, source, options, skipExternal: false);
        }
    }

    private static SpecValidationResult ValidateStructure(ReadOnlySpan<byte> content, JsonElement root, SpecSource source, SpecValidationOptions options, bool skipExternal)
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

        var references = LocalReferenceCheck.Run(content, root, format, skipExternal);
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

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Clients.SpecTools.Reading;

/// <summary>
/// The one reader of API descriptions: Swagger 2.0 or OpenAPI 3.0/3.1, JSON or YAML (told apart by content), UTF-8 with or
/// without a byte-order mark, UTF-16/UTF-32 with one. Local external <c>$ref</c>s (<c>./schemas/pet.yaml</c>) are bundled in;
/// a remote one is refused. A Swagger 2.0 document is upgraded in memory by Microsoft.OpenApi and written as OpenAPI 3.0
/// JSON. An OpenAPI 3.x JSON document in UTF-8 whose references are all local takes a fast path: its bytes are kept as
/// they are (a BOM removed), so what is generated from it does not depend on this reader.
/// Depends only on Microsoft.OpenApi (+ its YAML reader) and System.Text.Json, so it can be compiled into other projects.
/// </summary>
internal static class SpecReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 256 };
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = false };

    /// <summary>Reads a document.</summary>
    /// <param name="content">The bytes as pulled or stored.</param>
    /// <param name="source">Where they come from (a file or URL). Messages name places inside the document; the caller names the source.</param>
    /// <param name="siblings">Loads a file named by a relative <c>$ref</c> (path relative to the document, '/'-separated);
    /// null when the document has no readable neighbours (pulled over HTTP).</param>
    /// <exception cref="SpecReadException">The document cannot be read; the message is the reason, with the place.</exception>
    public static SpecReadResult Read(ReadOnlyMemory<byte> content, string source, Func<string, byte[]?>? siblings = null)
    {
        var detected = TextDecoding.Detect(content.Span);
        if (detected.Encoding is UTF8Encoding && content.Length > detected.BomLength)
        {
            var body = content[detected.BomLength..];
            if (FirstNonWhitespace(body.Span) is var start and >= 0 && body.Span[start] == (byte)'{')
            {
                var document = ParseJson(body);
                if (Version(document.RootElement) is { } version && version.StartsWith("3.", StringComparison.Ordinal) && !HasExternalReference(body.Span))
                {
                    return new SpecReadResult(body, document, new SpecForm(version, SpecSyntax.Json, detected.Name, false, []));
                }

                document.Dispose();
            }
        }

        var text = TextDecoding.Decode(content.Span, detected);
        if (text.AsSpan().Trim().IsEmpty)
        {
            throw new SpecReadException(content.Length == 0
                ? "the document is empty (0 bytes)"
                : string.Create(CultureInfo.InvariantCulture, $"the document contains only whitespace ({content.Length} bytes)"));
        }

        var (root, syntax) = ParseText(text);
        var form = Classify(root, syntax, detected.Name);
        var bundled = ReferenceBundler.Bundle(root, form.IsSwagger2, siblings);
        form = form with { BundledFiles = bundled };
        var json = form.IsSwagger2 ? SwaggerUpgrade.ToOpenApi3(root) : JsonSerializer.SerializeToUtf8Bytes(root);
        return new SpecReadResult(json, ParseJson(json), form);
    }

    /// <summary>Parses JSON or YAML text (any encoding) into a tree; used for the main document and bundled files.</summary>
    internal static (JsonObject Root, SpecSyntax Syntax) ParseText(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty)
        {
            throw new SpecReadException("the text is empty");
        }

        JsonNode? node;
        SpecSyntax syntax;
        if (trimmed[0] is '{' or '[')
        {
            try
            {
                node = JsonNode.Parse(text, NodeOptions, new JsonDocumentOptions { MaxDepth = 256 });
            }
            catch (JsonException exception)
            {
                throw new SpecReadException("not valid JSON: " + exception.Message, null, exception);
            }

            syntax = SpecSyntax.Json;
        }
        else
        {
            node = YamlText.Parse(text);
            syntax = SpecSyntax.Yaml;
        }

        return node is JsonObject root
            ? (root, syntax)
            : throw new SpecReadException($"the document is {(node is null ? "null" : node.GetValueKind().ToString().ToLowerInvariant())}, not an object");
    }

    private static SpecForm Classify(JsonObject root, SpecSyntax syntax, string encoding)
    {
        if (root["swagger"] is JsonValue swagger && Scalar(swagger) is "2.0" or "2")
        {
            root["swagger"] = "2.0";
            return new SpecForm("2.0", syntax, encoding, true, []);
        }

        if (root["openapi"] is JsonValue openapi && Scalar(openapi) is { } version)
        {
            if (version.StartsWith("3.0", StringComparison.Ordinal) || version.StartsWith("3.1", StringComparison.Ordinal))
            {
                // YAML's `openapi: 3.1` is a number: keep a string, as the specification requires.
                version = version.Count(c => c == '.') == 1 ? version + ".0" : version;
                root["openapi"] = version;
                return new SpecForm(version, syntax, encoding, false, []);
            }

            throw new SpecReadException($"OpenAPI {version} is not supported (OpenAPI 3.0 and 3.1 are, and Swagger 2.0)", "/openapi");
        }

        if (root["swagger"] is JsonValue other && Scalar(other) is { } swaggerVersion)
        {
            throw new SpecReadException($"Swagger {swaggerVersion} is not supported (Swagger 2.0 is, and OpenAPI 3.0 and 3.1)", "/swagger");
        }

        throw new SpecReadException("not an OpenAPI 3.x or Swagger 2.0 document (no \"openapi\": \"3.x\" or \"swagger\": \"2.0\" member)");
    }

    private static string? Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number => value.ToJsonString(),
        _ => null,
    };

    private static string? Version(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("openapi", out var version) && version.ValueKind == JsonValueKind.String
            ? version.GetString()
            : null;

    private static JsonDocument ParseJson(ReadOnlyMemory<byte> json)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new SpecReadException("not valid JSON: " + exception.Message, null, exception);
        }
    }

    /// <summary>Whether any <c>$ref</c> leaves the document (one token scan, no tree).</summary>
    internal static bool HasExternalReference(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("$ref"u8)
                && reader.Read() && reader.TokenType == JsonTokenType.String
                && !(reader.ValueSpan.Length > 0 && reader.ValueSpan[0] == (byte)'#'))
            {
                return true;
            }
        }

        return false;
    }

    private static int FirstNonWhitespace(ReadOnlySpan<byte> content)
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
}

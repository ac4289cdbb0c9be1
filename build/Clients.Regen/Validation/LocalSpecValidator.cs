using System.Text;
using System.Text.Json;

namespace Clients.Regen.Validation;

/// <summary>
/// Is this byte array a usable OpenAPI document? Stand-in with the shape of Clients.SpecTools' <c>SpecValidator</c>
/// until that project lands; the reasons say what is wrong and where.
/// </summary>
internal static class LocalSpecValidator
{
    public static (bool IsValid, string? Reason) Validate(ReadOnlyMemory<byte> content, string? mediaType)
    {
        var span = content.Span;
        var start = 0;
        while (start < span.Length && (span[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' || (start == 0 && span.Length >= 3 && span[..3].SequenceEqual("\uFEFF"u8))))
        {
            start += start == 0 && span.Length >= 3 && span[..3].SequenceEqual("\uFEFF"u8) ? 3 : 1;
        }

        if (start >= span.Length)
        {
            return (false, "the document is empty");
        }

        if (span[start] == (byte)'<' || (mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            var head = Encoding.UTF8.GetString(span[start..Math.Min(span.Length, start + 60)]).ReplaceLineEndings(" ");
            return (false, $"got an HTML page, not an OpenAPI document (starts with '{head}')");
        }

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            return (false, $"invalid or truncated JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine}: {ex.Message}");
        }

        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (false, "the JSON is not an object, so not an OpenAPI document");
            }

            if (!root.TryGetProperty("openapi", out var version) || version.ValueKind != JsonValueKind.String)
            {
                return root.TryGetProperty("swagger", out _)
                    ? (false, "a Swagger 2.0 document; OpenAPI 3.x is required")
                    : (false, "JSON without an \"openapi\" member: not an OpenAPI document");
            }

            if (!root.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
            {
                return (false, "an OpenAPI document without a \"paths\" object");
            }

            if (FirstBrokenReference(root, root, "#") is { } broken)
            {
                return (false, broken);
            }
        }

        return (true, null);
    }

    private static string? FirstBrokenReference(JsonElement root, JsonElement element, string where)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "$ref" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        var reference = property.Value.GetString()!;
                        if (!Resolves(root, reference))
                        {
                            return $"unresolvable $ref '{reference}' at {where}";
                        }
                    }
                    else if (FirstBrokenReference(root, property.Value, where + "/" + property.Name) is { } found)
                    {
                        return found;
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (FirstBrokenReference(root, item, where + "/" + index++) is { } found)
                    {
                        return found;
                    }
                }

                break;
        }

        return null;
    }

    private static bool Resolves(JsonElement root, string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return false;
        }

        var current = root;
        foreach (var raw in reference[2..].Split('/'))
        {
            var segment = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                return false;
            }
        }

        return true;
    }
}

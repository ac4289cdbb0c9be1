using System.Text.Json;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>A corpus document as OpenAPI 3.x JSON, the form the sweep's operation index and the emulator read.</summary>
internal static class CorpusReading
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    /// <summary>
    /// The document as OpenAPI 3.x JSON (byte-order mark removed), or null when it is in another form (Swagger 2.0,
    /// YAML), which only the project's document reader (issue 17, Reading) turns into OpenAPI 3.x.
    /// </summary>
    public static byte[]? OpenApi3Json(CorpusDocument document)
    {
        var bytes = File.ReadAllBytes(document.Path);
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        try
        {
            using var json = JsonDocument.Parse(bytes);
            return json.RootElement.TryGetProperty("openapi", out var version) && version.GetString()?.StartsWith("3.", StringComparison.Ordinal) == true
                ? bytes
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The operations the document declares (every method of every path item), or null when its form cannot be read here.</summary>
    public static int? Operations(CorpusDocument document)
    {
        var bytes = File.ReadAllBytes(document.Path);
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        try
        {
            using var json = JsonDocument.Parse(bytes);
            return json.RootElement.TryGetProperty("paths", out var paths) && paths.ValueKind == JsonValueKind.Object
                ? paths.EnumerateObject().Sum(path => path.Value.ValueKind == JsonValueKind.Object ? Methods.Count(m => path.Value.TryGetProperty(m, out _)) : 0)
                : 0;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

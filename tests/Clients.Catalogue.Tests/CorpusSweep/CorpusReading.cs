using System.Text.Json;
using Clients.SpecTools.Reading;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>
/// A corpus document as the project's document reader (<see cref="SpecReader"/>) sees it: OpenAPI 3.x JSON — Swagger 2.0
/// upgraded, YAML converted, a byte-order mark removed, local files bundled — the form the generator, the sweep's
/// operation index and the emulator read.
/// </summary>
internal static class CorpusReading
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    /// <summary>The document as OpenAPI 3.x JSON, or null when the reader refuses it.</summary>
    public static byte[]? OpenApi3Json(CorpusDocument document)
    {
        var bytes = File.ReadAllBytes(document.Path);
        Func<string, byte[]?> siblings = relative =>
        {
            var path = Path.Combine(Path.GetDirectoryName(document.Path)!, relative.Replace('/', Path.DirectorySeparatorChar));
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        };
        try
        {
            var result = SpecReader.Read(bytes, document.Path, siblings);
            result.Document.Dispose();
            return result.Json.ToArray();
        }
        catch (SpecReadException)
        {
            return null;
        }
    }

    /// <summary>The operations the document declares (every method of every path item), or null when it cannot be read.</summary>
    public static int? Operations(CorpusDocument document)
    {
        if (OpenApi3Json(document) is not { } json)
        {
            return null;
        }

        using var parsed = JsonDocument.Parse(json);
        return parsed.RootElement.TryGetProperty("paths", out var paths) && paths.ValueKind == JsonValueKind.Object
            ? paths.EnumerateObject().Sum(path => path.Value.ValueKind == JsonValueKind.Object ? Methods.Count(m => path.Value.TryGetProperty(m, out _)) : 0)
            : 0;
    }
}

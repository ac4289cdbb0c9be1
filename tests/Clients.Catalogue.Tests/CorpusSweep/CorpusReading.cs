using System.Reflection;
using System.Text.Json;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>
/// A corpus document as the project's document reader sees it (issue 17, Reading: <c>Clients.SpecTools.Reading.SpecReader</c>):
/// OpenAPI 3.x JSON — Swagger 2.0 upgraded, YAML converted, a byte-order mark removed — the form the generator, the
/// sweep's operation index and the emulator read.
/// </summary>
/// <remarks>
/// Found by name, so the sweep lights up when the reader is there and says so when it is not: without it, only an
/// OpenAPI 3.x JSON document is read (as the emitter then reads it, a byte-order mark aside).
/// </remarks>
internal static class CorpusReading
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private static readonly MethodInfo? Reader = typeof(Clients.SpecTools.SpecValidator).Assembly
        .GetType("Clients.SpecTools.Reading.SpecReader")
        ?.GetMethod("Read", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);

    /// <summary>Whether the project's document reader is there.</summary>
    public static bool ReaderAvailable => Reader is not null;

    /// <summary>The document as OpenAPI 3.x JSON, or null when it cannot be read (with the reader: it refuses it; without: not OpenAPI 3.x JSON).</summary>
    public static byte[]? OpenApi3Json(CorpusDocument document)
    {
        var bytes = File.ReadAllBytes(document.Path);
        if (Reader is null)
        {
            return Fallback(bytes);
        }

        Func<string, byte[]?> siblings = relative =>
        {
            var path = Path.Combine(Path.GetDirectoryName(document.Path)!, relative.Replace('/', Path.DirectorySeparatorChar));
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        };
        object result;
        try
        {
            result = Reader.Invoke(null, [new ReadOnlyMemory<byte>(bytes), document.Path, siblings])!;
        }
        catch (TargetInvocationException exception) when (exception.InnerException?.GetType().Name == "SpecReadException")
        {
            return null;
        }

        var type = result.GetType();
        ((IDisposable)type.GetProperty("Document")!.GetValue(result)!).Dispose();
        return ((ReadOnlyMemory<byte>)type.GetProperty("Json")!.GetValue(result)!).ToArray();
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

    private static byte[]? Fallback(byte[] bytes)
    {
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
}

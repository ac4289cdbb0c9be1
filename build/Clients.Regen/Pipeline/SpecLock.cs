using System.Text;
using System.Text.Json;

namespace Clients.Regen.Pipeline;

/// <summary>
/// <c>specs/{provider}/{provider}.lock.json</c>: every document the committed code was generated from. An entry whose
/// hash did not change is kept as it was (including <c>pulledAt</c>), so re-running does not touch the lock; the
/// generated code never depends on the lock, so <c>pulledAt</c> cannot break its determinism.
/// </summary>
internal sealed record SpecLock(string Provider, IReadOnlyList<LockEntry> Documents)
{
    public static string PathFor(string specs, string provider) => Path.Combine(specs, provider, provider + ".lock.json");

    public static SpecLock? Read(string specs, string provider)
    {
        var path = PathFor(specs, provider);
        if (!File.Exists(path))
        {
            return null;
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var documents = json.RootElement.GetProperty("documents").EnumerateArray().Select(d => new LockEntry(
            d.GetProperty("key").GetString()!,
            d.GetProperty("source").GetString()!,
            d.GetProperty("sha256").GetString()!,
            d.GetProperty("size").GetInt64(),
            d.GetProperty("pulledAt").GetString()!)).ToList();
        return new SpecLock(provider, documents);
    }

    public LockEntry? Find(string key) => Documents.FirstOrDefault(d => d.Key == key);

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("provider", Provider);
            writer.WriteString("comment", "Documents the committed Generated/ code was made from. Written by `dotnet build -t:RegenClients`; checked by CheckSpecDrift.");
            writer.WriteStartArray("documents");
            foreach (var entry in Documents.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject();
                writer.WriteString("key", entry.Key);
                writer.WriteString("source", entry.Source);
                writer.WriteString("sha256", entry.Sha256);
                writer.WriteNumber("size", entry.Size);
                writer.WriteString("pulledAt", entry.PulledAt);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public override string ToString() => Encoding.UTF8.GetString(ToBytes());
}

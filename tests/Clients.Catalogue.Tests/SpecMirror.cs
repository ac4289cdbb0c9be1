namespace Clients.Catalogue.Tests;

/// <summary>
/// The spec source the sweeps pull from: <c>CLIENTS_SPEC_MIRROR</c>, a folder laid out like the providers' spec servers
/// (<c>ovh/v1/index.json</c>, <c>ovh/v1/me.json</c> …), exactly what RegenClients pulls from offline.
/// </summary>
internal static class SpecMirror
{
    private static readonly Lazy<string> LazyRoot = new(static () =>
    {
        var mirror = Environment.GetEnvironmentVariable("CLIENTS_SPEC_MIRROR");
        if (string.IsNullOrEmpty(mirror) || !Directory.Exists(Path.Combine(mirror, "ovh")))
        {
            throw new InvalidOperationException(
                "The catalogue sweeps pull OVH's documents from their source: set CLIENTS_SPEC_MIRROR to a folder laid out like "
                + $"the spec servers (with ovh/v1/index.json). It is '{mirror}'.");
        }

        return Path.GetFullPath(mirror);
    });

    public static string OvhDirectory => Path.Combine(LazyRoot.Value, "ovh");

    /// <summary>Every universe the mirror's catalogues (<c>v1/index.json</c>, <c>v2/index.json</c>) list, keyed like <c>v1/dedicated/server</c>.</summary>
    public static IReadOnlyList<(string Key, string Path)> OvhDocuments() =>
        new[] { "v1", "v2" }
            .SelectMany(version =>
            {
                using var index = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(OvhDirectory, version, "index.json")));
                return index.RootElement.GetProperty("apis").EnumerateArray()
                    .Select(api => version + api.GetProperty("path").GetString())
                    .ToList();
            })
            .Select(key => (key, Path.Combine(OvhDirectory, key.Replace('/', Path.DirectorySeparatorChar) + ".json")))
            .OrderBy(d => d.Item1, StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> OvhKeys()
    {
        var data = new TheoryData<string>();
        foreach (var (key, _) in OvhDocuments())
        {
            data.Add(key);
        }

        return data;
    }
}

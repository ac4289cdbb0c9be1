using System.Text.Json.Nodes;

namespace Clients.SpecTools.Tests;

/// <summary>Reads the OVH documents committed in the repository (<c>specs/ovh</c>: the universes the clients are generated from).</summary>
internal static class CommittedSpecs
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository's <c>specs</c> folder.</summary>
    public static string Root => LazyRoot.Value;

    public static string OvhDirectory => Path.Combine(Root, "ovh");

    /// <summary>Every committed OVH OpenAPI document, keyed like <c>v1/dedicated/server</c>.</summary>
    public static IReadOnlyList<(string Key, string Path)> OvhDocuments() =>
        new[] { "v1", "v2" }
            .SelectMany(version => Directory.EnumerateFiles(Path.Combine(OvhDirectory, version), "*.json", SearchOption.AllDirectories))
            .Select(p => (Key(p), p))
            .OrderBy(d => d.Item1, StringComparer.Ordinal)
            .ToList();

    public static byte[] ReadOvh(string key) => File.ReadAllBytes(Path.Combine(OvhDirectory, key + ".json"));

    public static JsonObject LoadOvhNode(string key) => JsonNode.Parse(ReadOvh(key))!.AsObject();

    private static string Key(string path) =>
        System.IO.Path.ChangeExtension(System.IO.Path.GetRelativePath(OvhDirectory, path), null).Replace('\\', '/');

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Clients.sln")))
            {
                return Path.Combine(directory.FullName, "specs");
            }
        }

        throw new DirectoryNotFoundException($"No Clients.sln above {AppContext.BaseDirectory}: cannot locate the repository root.");
    }
}

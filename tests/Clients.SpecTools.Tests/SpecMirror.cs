using System.Text.Json.Nodes;

namespace Clients.SpecTools.Tests;

/// <summary>Reads the offline spec mirror (<c>../shared/specs-mirror</c> beside the repository root, or <c>CLIENTS_SPEC_MIRROR</c>).</summary>
internal static class SpecMirror
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string OvhDirectory => Path.Combine(Root, "ovh");

    /// <summary>Every OVH OpenAPI document of the mirror (the catalogues <c>index.json</c> excluded), keyed like <c>v1/dedicated/server</c>.</summary>
    public static IReadOnlyList<(string Key, string Path)> OvhDocuments() =>
        Directory.EnumerateFiles(OvhDirectory, "*.json", SearchOption.AllDirectories)
            .Where(p => !string.Equals(System.IO.Path.GetFileName(p), "index.json", StringComparison.Ordinal))
            .Select(p => (Key(p), p))
            .OrderBy(d => d.Item1, StringComparer.Ordinal)
            .ToList();

    public static byte[] ReadOvh(string key) => File.ReadAllBytes(Path.Combine(OvhDirectory, key + ".json"));

    public static JsonObject LoadOvhNode(string key) => JsonNode.Parse(ReadOvh(key))!.AsObject();

    private static string Key(string path) =>
        System.IO.Path.ChangeExtension(System.IO.Path.GetRelativePath(OvhDirectory, path), null).Replace('\\', '/');

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CLIENTS_SPEC_MIRROR");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Clients.sln")))
            {
                var mirror = Path.GetFullPath(Path.Combine(directory.FullName, "..", "shared", "specs-mirror"));
                return Directory.Exists(mirror)
                    ? mirror
                    : throw new DirectoryNotFoundException($"The spec mirror is expected at {mirror} (beside the repository root) or in CLIENTS_SPEC_MIRROR.");
            }
        }

        throw new DirectoryNotFoundException($"No Clients.sln above {AppContext.BaseDirectory}: cannot locate the repository root.");
    }
}

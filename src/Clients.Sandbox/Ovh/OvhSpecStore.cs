using System.Reflection;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// Where the OVH emulator reads its documents from: the copies of the repository's <c>specs/ovh</c> embedded in this
/// assembly (the default: nothing needs to exist beside the program), or a directory laid out like <c>specs/ovh</c>
/// (<c>v1/me.json</c>, <c>v1/dedicated/server.json</c>, <c>v2/iam.json</c>) or like a spec mirror's <c>ovh</c>
/// folder (the same, plus the catalogues <c>v1/index.json</c> and <c>v2/index.json</c>).
/// </summary>
internal abstract class OvhSpecStore
{
    private const string ResourcePrefix = "Clients.Sandbox.Specs.ovh/";

    /// <summary>Says where the documents come from, for logs and the console.</summary>
    public abstract string Description { get; }

    /// <summary>The universe paths (<c>/me</c>, <c>/dedicated/server</c>) the store holds for <paramref name="version"/>.</summary>
    public abstract IReadOnlyList<string> Universes(string version);

    /// <summary>The catalogue bytes (<c>index.json</c>) when the store has one; otherwise the emulator builds one.</summary>
    public abstract byte[]? Index(string version);

    /// <summary>A key unique in the process for the document, so parsed documents are shared between emulators.</summary>
    public abstract string Identity(string version, string universe);

    /// <summary>The document's bytes, exactly as stored.</summary>
    public abstract byte[] Read(string version, string universe);

    /// <summary>The documents embedded in this assembly (the repository's <c>specs/ovh</c> at build time).</summary>
    public static OvhSpecStore Embedded { get; } = new EmbeddedStore();

    /// <summary>A directory in either layout.</summary>
    public static OvhSpecStore FromDirectory(string directory) =>
        System.IO.Directory.Exists(directory)
            ? new DirectoryStore(Path.GetFullPath(directory))
            : throw new DirectoryNotFoundException($"The OVH sandbox spec directory '{directory}' does not exist.");

    private static string UniverseFromRelativePath(string relative) =>
        "/" + relative[..^".json".Length].Replace('\\', '/');

    private sealed class EmbeddedStore : OvhSpecStore
    {
        private static readonly Assembly Assembly = typeof(OvhSpecStore).Assembly;
        private readonly Dictionary<string, string[]> universes;

        public EmbeddedStore()
        {
            universes = Assembly.GetManifestResourceNames()
                .Where(static n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
                .Select(static n => n[ResourcePrefix.Length..])
                .Select(static n => (Version: n[..n.IndexOf('/', StringComparison.Ordinal)], Path: n[(n.IndexOf('/', StringComparison.Ordinal) + 1)..]))
                .Where(static e => e.Path != "index.json")
                .GroupBy(static e => e.Version, StringComparer.Ordinal)
                .ToDictionary(static g => g.Key, static g => g.Select(static e => UniverseFromRelativePath(e.Path)).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        }

        public override string Description => "embedded: the repository's specs/ovh";

        public override IReadOnlyList<string> Universes(string version) => universes.TryGetValue(version, out var list) ? list : [];

        public override byte[]? Index(string version) => null;

        public override string Identity(string version, string universe) => "embedded:" + Name(version, universe);

        public override byte[] Read(string version, string universe)
        {
            using var stream = Assembly.GetManifestResourceStream(Name(version, universe))
                               ?? throw new FileNotFoundException($"The OVH sandbox has no embedded document for {version}{universe}.");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }

        private static string Name(string version, string universe) => ResourcePrefix + version + universe + ".json";
    }

    private sealed class DirectoryStore(string directory) : OvhSpecStore
    {
        public override string Description => directory;

        public override IReadOnlyList<string> Universes(string version)
        {
            var root = Path.Combine(directory, version);
            if (!System.IO.Directory.Exists(root))
            {
                return [];
            }

            return System.IO.Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f))
                .Where(static r => r != "index.json")
                .Select(UniverseFromRelativePath)
                .Order(StringComparer.Ordinal)
                .ToArray();
        }

        public override byte[]? Index(string version)
        {
            var path = Path.Combine(directory, version, "index.json");
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }

        public override string Identity(string version, string universe) => Path.GetFullPath(FilePath(version, universe));

        public override byte[] Read(string version, string universe) => File.ReadAllBytes(FilePath(version, universe));

        private string FilePath(string version, string universe) =>
            Path.Combine(directory, version, universe.TrimStart('/').Replace('/', Path.DirectorySeparatorChar) + ".json");
    }
}

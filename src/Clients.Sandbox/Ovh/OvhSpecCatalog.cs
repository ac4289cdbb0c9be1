using System.Collections.Concurrent;
using System.Text.Json;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// The universes an emulator serves, read from a directory laid out like <c>specs-mirror/ovh</c>
/// (<c>v1/index.json</c>, <c>v1/me.json</c>, <c>v1/dedicated/server.json</c>, <c>v2/iam.json</c>).
/// Documents are parsed on first use and cached per process, so starting many emulators is cheap.
/// </summary>
internal sealed class OvhSpecCatalog
{
    private static readonly ConcurrentDictionary<string, Lazy<OvhSpecDocument>> DocumentCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> universesByVersion = new(StringComparer.Ordinal);

    public OvhSpecCatalog(string? directory, IReadOnlyCollection<string>? universes)
    {
        Directory = directory;
        if (directory is null)
        {
            if (universes is { Count: > 0 })
            {
                throw new InvalidOperationException(
                    "The OVH sandbox found no spec directory to serve the requested universes: set OvhSandboxOptions.SpecDirectory "
                    + "or the CLIENTS_SPEC_MIRROR environment variable (a folder holding ovh/v1/index.json).");
            }

            return;
        }

        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The OVH sandbox spec directory '{directory}' does not exist.");
        }

        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var version in new[] { "v1", "v2" })
        {
            var index = Path.Combine(directory, version, "index.json");
            if (!File.Exists(index))
            {
                continue;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(index));
            var paths = new List<string>();
            foreach (var api in document.RootElement.GetProperty("apis").EnumerateArray())
            {
                var path = api.GetProperty("path").GetString();
                if (path is not null)
                {
                    known.Add(version == "v1" ? path : "/" + version + path);
                    if (universes is null || universes.Contains(path) || universes.Contains("/" + version + path))
                    {
                        paths.Add(path);
                    }
                }
            }

            // Longest first so /dedicated/server wins over a hypothetical /dedicated.
            universesByVersion[version] = [.. paths.OrderByDescending(static p => p.Length)];
        }

        var unknown = universes?.Where(u => !known.Contains(u) && !known.Contains("/v2" + u)).ToList();
        if (unknown is { Count: > 0 })
        {
            throw new ArgumentException(
                $"The OVH sandbox has no universe {string.Join(", ", unknown)} in '{directory}'. Known: {string.Join(", ", known.Order(StringComparer.Ordinal))}",
                nameof(universes));
        }
    }

    public string? Directory { get; }

    public bool IsAvailable => Directory is not null;

    /// <summary>The universe paths served for <paramref name="version"/> (<c>v1</c> or <c>v2</c>).</summary>
    public IReadOnlyList<string> Universes(string version) =>
        universesByVersion.TryGetValue(version, out var list) ? list : [];

    /// <summary>The universe whose path prefixes <paramref name="apiPath"/> at a segment boundary.</summary>
    public string? FindUniverse(string version, string apiPath)
    {
        foreach (var universe in Universes(version))
        {
            if (apiPath.StartsWith(universe, StringComparison.Ordinal)
                && (apiPath.Length == universe.Length || apiPath[universe.Length] == '/'))
            {
                return universe;
            }
        }

        return null;
    }

    public string DocumentPath(string version, string universe) =>
        Path.Combine(Directory!, version, universe.TrimStart('/').Replace('/', Path.DirectorySeparatorChar) + ".json");

    public string IndexPath(string version) => Path.Combine(Directory!, version, "index.json");

    public OvhSpecDocument Document(string version, string universe)
    {
        var path = Path.GetFullPath(DocumentPath(version, universe));
        return DocumentCache.GetOrAdd(path, static p => new Lazy<OvhSpecDocument>(() => OvhSpecDocument.Load(p))).Value;
    }

    /// <summary>
    /// The spec directory to use: <paramref name="configured"/>, else <c>$CLIENTS_SPEC_MIRROR/ovh</c>, else
    /// <c>../shared/specs-mirror/ovh</c> next to the first ancestor folder holding <c>Clients.sln</c>.
    /// </summary>
    public static string? LocateDirectory(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var mirror = Environment.GetEnvironmentVariable("CLIENTS_SPEC_MIRROR");
        if (!string.IsNullOrEmpty(mirror) && System.IO.Directory.Exists(Path.Combine(mirror, "ovh")))
        {
            return Path.Combine(mirror, "ovh");
        }

        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Clients.sln")))
                {
                    var candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "specs-mirror", "ovh"));
                    if (System.IO.Directory.Exists(candidate))
                    {
                        return candidate;
                    }

                    break;
                }
            }
        }

        return null;
    }
}

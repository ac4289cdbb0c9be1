using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// The universes an emulator serves, from an <see cref="OvhSpecStore"/>. Documents are parsed on first use and cached
/// per process, so starting many emulators is cheap.
/// </summary>
internal sealed class OvhSpecCatalog
{
    private static readonly ConcurrentDictionary<string, Lazy<Specs.SpecDocument>> DocumentCache = new(StringComparer.Ordinal);
    private static readonly string[] Versions = ["v1", "v2"];
    private readonly Dictionary<string, string[]> universesByVersion = new(StringComparer.Ordinal);

    public OvhSpecCatalog(OvhSpecStore store, IReadOnlyCollection<string>? universes)
    {
        Store = store;
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var version in Versions)
        {
            var paths = new List<string>();
            foreach (var path in store.Universes(version))
            {
                known.Add(version == "v1" ? path : "/" + version + path);
                if (universes is null || universes.Contains(path) || universes.Contains("/" + version + path))
                {
                    paths.Add(path);
                }
            }

            // Longest first so /dedicated/server wins over a hypothetical /dedicated.
            universesByVersion[version] = [.. paths.OrderByDescending(static p => p.Length).ThenBy(static p => p, StringComparer.Ordinal)];
        }

        var unknown = universes?.Where(u => !known.Contains(u) && !known.Contains("/v2" + u)).ToList();
        if (unknown is { Count: > 0 })
        {
            throw new ArgumentException(
                $"The OVH sandbox has no universe {string.Join(", ", unknown)} in {store.Description}. Known: {string.Join(", ", known.Order(StringComparer.Ordinal))}",
                nameof(universes));
        }
    }

    public OvhSpecStore Store { get; }

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

    /// <summary>
    /// The catalogue in OVH's index format (<c>apis[].path</c>, <c>schema</c>, <c>basePath</c>), limited to the
    /// universes served: the store's own <c>index.json</c> when it has one, else one built from the documents.
    /// </summary>
    public JsonObject Index(string version, string basePath)
    {
        var served = Universes(version);
        JsonObject index;
        if (Store.Index(version) is { } bytes)
        {
            index = JsonNode.Parse(bytes)!.AsObject();
            if (index["apis"] is JsonArray apis)
            {
                foreach (var api in apis.ToList())
                {
                    if (api?["path"]?.GetValue<string>() is { } path && !served.Contains(path))
                    {
                        apis.Remove(api);
                    }
                }
            }
        }
        else
        {
            var apis = new JsonArray();
            foreach (var path in served.Order(StringComparer.Ordinal))
            {
                apis.Add(new JsonObject
                {
                    ["path"] = path,
                    ["schema"] = "{path}.{format}",
                    ["format"] = new JsonArray("json"),
                    ["description"] = $"{Document(version, path).OperationCount} operations",
                });
            }

            index = new JsonObject { ["apis"] = apis };
        }

        index["basePath"] = basePath;
        return index;
    }

    public byte[] DocumentBytes(string version, string universe) => Store.Read(version, universe);

    public Specs.SpecDocument Document(string version, string universe) =>
        DocumentCache.GetOrAdd(
            Store.Identity(version, universe),
            static (identity, arg) => new Lazy<Specs.SpecDocument>(() => Specs.SpecDocument.Load(identity, arg.Store.Read(arg.Version, arg.Universe))),
            (Store, Version: version, Universe: universe)).Value;

    /// <summary>The store to use: <paramref name="configured"/> as a directory when set, else the embedded documents.</summary>
    public static OvhSpecStore LocateStore(string? configured) =>
        string.IsNullOrEmpty(configured) ? OvhSpecStore.Embedded : OvhSpecStore.FromDirectory(configured);
}

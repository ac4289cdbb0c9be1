using Clients.Regen.Pipeline;

namespace Clients.Regen.Model;

/// <summary>
/// The three built-in providers, each described once, as data: where its documents come from (mirror path, live URL,
/// pull authentication, stored copy), how its operations are grouped, which headers its runtime sends. A consumer's
/// provider (<c>&lt;ClientsDocument&gt;</c>) is the same record, made by <see cref="ConsumerDocument"/>.
/// </summary>
internal static class Providers
{
    public const string DefaultOptimumSwaggerUrl = "https://public-api.optimum-automotive.com/swagger/v1/swagger.json";
    public const string DefaultOptimumTokenUrl = "https://identityserver.optimum-automotive.com/connect/token";

    /// <summary>
    /// Optimum: the live Swagger needs a client-credentials token (OPTIMUM_CLIENT_ID/_SECRET); without them, or offline,
    /// the committed reconstruction is the document. A consumer may name a file of its own (<c>&lt;OptimumDocument&gt;</c>).
    /// </summary>
    public static readonly ProviderDefinition Optimum = new("optimum", "Optimum", InterfaceGrouping.ByTag, [])
    {
        Documents = static options =>
        {
            if (options.OptimumDocument is { } named && !string.Equals(named, "live", StringComparison.OrdinalIgnoreCase))
            {
                return [new DocumentSource { Key = "swagger", StoredPath = named }];
            }

            return
            [
                new DocumentSource
                {
                    Key = "swagger",
                    StoredPath = Path.Combine(options.Specs, "optimum", "swagger.json"),
                    MirrorPath = Path.Combine("optimum", "swagger.json"),
                    Url = options.Variable("OPTIMUM_SWAGGER_URL") ?? DefaultOptimumSwaggerUrl,
                    Authentication = new ClientCredentialsPull(options.Variable("OPTIMUM_TOKEN_URL") ?? DefaultOptimumTokenUrl, "OPTIMUM_CLIENT_ID", "OPTIMUM_CLIENT_SECRET"),
                    Offline = OfflineRule.StoredCopy,
                },
            ];
        },
    };

    /// <summary>Origami: its document is the committed one (or a consumer's file, <c>&lt;OrigamiDocument&gt;</c>).</summary>
    /// <remarks>The runtime's handler sends <c>context</c> (from options or the current scope), so methods do not take it.</remarks>
    public static readonly ProviderDefinition Origami = new("origami", "Origami", InterfaceGrouping.ByTag, ["context"])
    {
        Documents = static options =>
            [new DocumentSource { Key = "openapi", StoredPath = options.OrigamiDocument ?? Path.Combine(options.Specs, "origami", "openapi.json") }],
    };

    /// <summary>OVH: one public document per universe (<c>universes.json</c>, or a consumer's <c>&lt;OvhUniverse&gt;</c> items).</summary>
    public static readonly ProviderDefinition Ovh = new("ovh", "Ovh", InterfaceGrouping.ByDocument, [])
    {
        VersionedKeys = true,
        Documents = static options => (options.OvhUniverses ?? ReadUniverses(options.Specs)).Select(key => new DocumentSource
        {
            Key = key,
            StoredPath = Path.Combine(options.Specs, "ovh", key.Replace('/', Path.DirectorySeparatorChar) + ".json"),
            MirrorPath = Path.Combine("ovh", key.Replace('/', Path.DirectorySeparatorChar) + ".json"),
            MirrorRequired = true,
            Url = $"{options.OvhBaseUrl.TrimEnd('/')}/{key}.json?format=openapi3",
            Offline = OfflineRule.LockedCopies,
        }).ToList(),
    };

    public static IReadOnlyList<ProviderDefinition> All { get; } = [Optimum, Origami, Ovh];

    /// <summary>The OVH universes this repository generates (<c>specs/ovh/universes.json</c>).</summary>
    public static IReadOnlyList<string> ReadUniverses(string specs)
    {
        var path = Path.Combine(specs, "ovh", "universes.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.GetProperty("universes").EnumerateArray().Select(u => u.GetString()!).ToList();
    }
}

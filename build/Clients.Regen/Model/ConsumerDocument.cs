using System.Text.RegularExpressions;

namespace Clients.Regen.Model;

/// <summary>
/// A consumer's <c>&lt;ClientsDocument Include="specs/acme/openapi.json" Provider="Acme" Source="…" Attribute="Acme.AcmeApi" /&gt;</c>,
/// passed to the tool as <c>--document "path=…|provider=…|source=…|attribute=…|…"</c>, and the
/// <see cref="ProviderDefinition"/> it describes (items naming the same provider are its documents).
/// </summary>
/// <param name="Path">The pinned copy (the item's Include), relative to the project.</param>
/// <param name="Provider">The provider's C# name (<c>Acme</c>): interfaces <c>IAcme{Tag}Api</c>, folder <c>Generated/Acme</c>, lock <c>specs/acme/acme.lock.json</c>.</param>
/// <param name="Source">Where the document is pulled from (an http(s) URL or a file); null when the pinned copy is the document.</param>
/// <param name="Attribute">The provider attribute every interface carries (<c>Acme.AcmeApi</c>); default <c>{namespace}.{Provider}Api</c>.</param>
/// <param name="Namespace">The generated code's namespace; default <c>{ClientsNamespace}.{Provider}</c>.</param>
/// <param name="Grouping">Interfaces per tag (default) or one per document.</param>
/// <param name="RuntimeHeaders">Header parameters the provider's runtime sends itself (left out of generated methods).</param>
/// <param name="Authentication">How <paramref name="Source"/> is pulled when it needs credentials.</param>
internal sealed record ConsumerDocument(
    string Path,
    string Provider,
    string? Source,
    string? Attribute,
    string? Namespace,
    InterfaceGrouping Grouping,
    IReadOnlyList<string> RuntimeHeaders,
    PullAuthentication? Authentication)
{
    private static readonly string[] Known = ["path", "provider", "source", "attribute", "namespace", "grouping", "runtime-headers", "auth-header", "auth-env", "token-url", "client-id-env", "client-secret-env"];

    /// <summary>The document's key in its provider's lock: its file name without extension.</summary>
    public string Key => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>Reads one <c>--document</c> value; the error names the item and what is wrong.</summary>
    public static ConsumerDocument Parse(string value)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in value.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals].Trim();
            if (!Known.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new FormatException($"ClientsDocument '{value}': unknown metadata '{name}' (known: {string.Join(", ", Known)})");
            }

            var text = equals < 0 ? string.Empty : part[(equals + 1)..].Trim();
            if (text.Length > 0)
            {
                fields[name] = text;
            }
        }

        var path = fields.GetValueOrDefault("path") ?? throw new FormatException($"ClientsDocument '{value}': no Include (the pinned document's path)");
        var item = $"ClientsDocument '{path}'";
        var provider = fields.GetValueOrDefault("provider") ?? throw new FormatException($"{item}: no Provider (the provider's C# name, for example Provider=\"Acme\")");
        if (!Regex.IsMatch(provider, "^[A-Z][A-Za-z0-9]*$"))
        {
            throw new FormatException($"{item}: Provider '{provider}' is not a C# name starting with a capital letter (letters and digits only, for example Acme)");
        }

        var grouping = fields.GetValueOrDefault("grouping")?.ToLowerInvariant() switch
        {
            null or "tag" => InterfaceGrouping.ByTag,
            "document" => InterfaceGrouping.ByDocument,
            var other => throw new FormatException($"{item}: Grouping '{other}' is not Tag or Document"),
        };
        if (fields.GetValueOrDefault("attribute") is { } attribute && !Regex.IsMatch(attribute, @"^(global::)?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$"))
        {
            throw new FormatException($"{item}: Attribute '{attribute}' is not a type name (Namespace.TypeName)");
        }

        PullAuthentication? authentication = null;
        if (fields.GetValueOrDefault("auth-header") is { } header)
        {
            authentication = new HeaderPull(header, fields.GetValueOrDefault("auth-env") ?? throw new FormatException($"{item}: AuthHeader '{header}' needs AuthEnv (the environment variable holding its value)"));
        }
        else if (fields.GetValueOrDefault("token-url") is { } tokenUrl)
        {
            authentication = new ClientCredentialsPull(
                tokenUrl,
                fields.GetValueOrDefault("client-id-env") ?? throw new FormatException($"{item}: TokenUrl needs ClientIdEnv (the environment variable holding the client id)"),
                fields.GetValueOrDefault("client-secret-env") ?? throw new FormatException($"{item}: TokenUrl needs ClientSecretEnv (the environment variable holding the client secret)"));
        }
        else if (fields.ContainsKey("auth-env"))
        {
            throw new FormatException($"{item}: AuthEnv without AuthHeader (the header the variable's value is sent in)");
        }

        if (authentication is not null && !fields.ContainsKey("source"))
        {
            throw new FormatException($"{item}: pull authentication without a Source to pull from");
        }

        return new ConsumerDocument(
            path,
            provider,
            fields.GetValueOrDefault("source"),
            fields.GetValueOrDefault("attribute"),
            fields.GetValueOrDefault("namespace"),
            grouping,
            (fields.GetValueOrDefault("runtime-headers") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            authentication);
    }

    /// <summary>The providers the items describe: one per distinct Provider, its documents in item order.</summary>
    /// <param name="documents">The items.</param>
    /// <param name="consumerNamespace">The project's namespace (<c>ClientsNamespace</c>), for the defaults.</param>
    public static IReadOnlyList<ProviderDefinition> Describe(IReadOnlyList<ConsumerDocument> documents, string? consumerNamespace)
    {
        var result = new List<ProviderDefinition>();
        foreach (var group in documents.GroupBy(d => d.Provider, StringComparer.Ordinal))
        {
            var first = group.First();
            if (Providers.All.Any(p => string.Equals(p.Name, first.Provider, StringComparison.OrdinalIgnoreCase)))
            {
                throw new FormatException($"ClientsDocument '{first.Path}': Provider '{first.Provider}' is a built-in provider; use its own item (OvhUniverse, OptimumDocument, OrigamiDocument)");
            }

            if (group.GroupBy(d => d.Key, StringComparer.OrdinalIgnoreCase).FirstOrDefault(k => k.Count() > 1) is { } duplicate)
            {
                throw new FormatException($"ClientsDocument: two documents of {first.Provider} are named '{duplicate.Key}' (the file name is the document's key in the lock); rename one");
            }

            if (group.Any(d => d.Attribute != first.Attribute || d.Namespace != first.Namespace || d.Grouping != first.Grouping))
            {
                throw new FormatException($"ClientsDocument: the documents of {first.Provider} disagree on Attribute, Namespace or Grouping; set them the same on each item");
            }

            var ns = first.Namespace ?? (consumerNamespace is null ? first.Provider : consumerNamespace + "." + first.Provider);
            var attribute = first.Attribute ?? ns + "." + first.Provider + "Api";
            var sources = group.Select(d => new DocumentSource
            {
                Key = d.Key,
                StoredPath = d.Path,
                Url = d.Source,
                Authentication = d.Authentication,
                Offline = OfflineRule.LockedCopies,
            }).ToList();
            result.Add(new ProviderDefinition(first.Provider.ToLowerInvariant(), first.Provider, first.Grouping, first.RuntimeHeaders)
            {
                Documents = _ => sources,
                Namespace = ns,
                FixedNamespace = true,
                MarkerAttribute = attribute.StartsWith("global::", StringComparison.Ordinal) ? attribute : "global::" + attribute,
            });
        }

        return result;
    }
}

using System.Text.Json;
using Clients.Regen.Model;
using Clients.Regen.Sources;
using Clients.SpecTools;
using Clients.SpecTools.Reading;

namespace Clients.Regen.Pipeline;

/// <summary>
/// Pulls and validates every document of a provider from its source: the mirror when one is configured, else the
/// live URL (Optimum: only with credentials), else the committed document. Any invalid document is a
/// <see cref="SpecException"/> naming provider, source and reason; nothing is written here.
/// </summary>
internal sealed class SourceResolver(RegenOptions options, DocumentPuller puller, HttpClient http, TextWriter log)
{
    public const string DefaultOptimumSwaggerUrl = "https://public-api.optimum-automotive.com/swagger/v1/swagger.json";
    public const string DefaultOptimumTokenUrl = "https://identityserver.optimum-automotive.com/connect/token";

    public static IReadOnlyList<string> ReadUniverses(string specs)
    {
        var path = Path.Combine(specs, "ovh", "universes.json");
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        return json.RootElement.GetProperty("universes").EnumerateArray().Select(u => u.GetString()!).ToList();
    }

    public Task<ProviderDocuments> ResolveAsync(ProviderDefinition provider, CancellationToken cancellationToken) => provider.Name switch
    {
        "optimum" => OptimumAsync(provider, cancellationToken),
        "origami" => Task.FromResult(Committed(provider, "openapi", options.OrigamiDocument ?? Path.Combine(options.Specs, "origami", "openapi.json"))),
        _ => OvhAsync(provider, cancellationToken),
    };

    private async Task<ProviderDocuments> OptimumAsync(ProviderDefinition provider, CancellationToken cancellationToken)
    {
        // A consumer may name a file of its own: it is the document, nothing is pulled.
        if (options.OptimumDocument is { } named && !string.Equals(named, "live", StringComparison.OrdinalIgnoreCase))
        {
            return Committed(provider, "swagger", named);
        }

        var committed = Path.Combine(options.Specs, "optimum", "swagger.json");
        var clientId = Env("OPTIMUM_CLIENT_ID");
        var clientSecret = Env("OPTIMUM_CLIENT_SECRET");
        if (options.Mirror is { } mirror && File.Exists(Path.Combine(mirror, "optimum", "swagger.json")))
        {
            var location = Path.Combine(mirror, "optimum", "swagger.json");
            var pulled = await puller.PullAsync(location, null, cancellationToken).ConfigureAwait(false);
            return new ProviderDocuments(provider, [Accept(provider, pulled, "swagger", Env("OPTIMUM_SWAGGER_URL") ?? DefaultOptimumSwaggerUrl, committed)], null);
        }

        if (clientId is null || clientSecret is null)
        {
            log.WriteLine($"RegenClients: optimum: OPTIMUM_CLIENT_ID/OPTIMUM_CLIENT_SECRET not set; using the committed reconstruction {Rel(committed)}.");
            return Committed(provider, "swagger", committed);
        }

        var swaggerUrl = Env("OPTIMUM_SWAGGER_URL") ?? DefaultOptimumSwaggerUrl;
        var tokenUrl = Env("OPTIMUM_TOKEN_URL") ?? DefaultOptimumTokenUrl;
        System.Net.Http.Headers.AuthenticationHeaderValue token;
        try
        {
            token = await new OptimumTokenSource(http).GetAsync(new Uri(tokenUrl), clientId, clientSecret, cancellationToken).ConfigureAwait(false);
        }
        catch (Clients.Core.OAuth2.OAuth2Exception ex) when (ex.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } transport)
        {
            log.WriteLine($"RegenClients : warning REGEN101: optimum: {tokenUrl} unreachable ({transport.HttpRequestError}); using the committed {Rel(committed)}.");
            return Committed(provider, "swagger", committed);
        }
        catch (Exception ex) when (ex is Clients.Core.OAuth2.OAuth2Exception or HttpRequestException or InvalidOperationException or JsonException or TaskCanceledException)
        {
            throw new SpecException(provider.Name, tokenUrl, "could not get a client-credentials token: " + ex.Message);
        }

        var result = await puller.PullAsync(swaggerUrl, token, cancellationToken).ConfigureAwait(false);
        if (result.Unreachable)
        {
            log.WriteLine($"RegenClients : warning REGEN101: optimum: {swaggerUrl} {result.Error}; using the committed {Rel(committed)}.");
            return Committed(provider, "swagger", committed);
        }

        return new ProviderDocuments(provider, [Accept(provider, result, "swagger", swaggerUrl, committed)], null);
    }

    private async Task<ProviderDocuments> OvhAsync(ProviderDefinition provider, CancellationToken cancellationToken)
    {
        var universes = options.OvhUniverses ?? ReadUniverses(options.Specs);
        var documents = new List<PulledDocument>();
        foreach (var key in universes)
        {
            var canonical = $"{options.OvhBaseUrl.TrimEnd('/')}/{key}.json?format=openapi3";
            var location = options.Mirror is { } mirror
                ? Path.Combine(mirror, "ovh", key.Replace('/', Path.DirectorySeparatorChar) + ".json")
                : canonical;
            var result = await puller.PullAsync(location, null, cancellationToken).ConfigureAwait(false);
            if (result.Unreachable)
            {
                return FromLocalCopies(provider, universes)
                       ?? new ProviderDocuments(provider, [], $"its documents could not be pulled ({location}: {result.Error}) and no local copies match the lock; the committed generated code is kept");
            }

            documents.Add(Accept(provider, result, key, canonical, Path.Combine(options.Specs, "ovh", key.Replace('/', Path.DirectorySeparatorChar) + ".json")));
        }

        return new ProviderDocuments(provider, documents, null);
    }

    /// <summary>Offline without a mirror: the committed documents are used when every one matches the lock.</summary>
    private ProviderDocuments? FromLocalCopies(ProviderDefinition provider, IReadOnlyList<string> universes)
    {
        var specLock = SpecLock.Read(options.Specs, provider.Name);
        if (specLock is null)
        {
            return null;
        }

        var documents = new List<PulledDocument>();
        foreach (var key in universes)
        {
            var path = Path.Combine(options.Specs, "ovh", key.Replace('/', Path.DirectorySeparatorChar) + ".json");
            var entry = specLock.Find(key);
            if (entry is null || !File.Exists(path))
            {
                return null;
            }

            var document = new PulledDocument(key, entry.Source, path, File.ReadAllBytes(path), null);
            if (document.Sha256 != entry.Sha256)
            {
                return null;
            }

            documents.Add(document);
        }

        log.WriteLine("RegenClients : warning REGEN100: ovh: the source is unreachable (offline?); generating from the committed documents under specs/ovh, which match the lock.");
        return new ProviderDocuments(provider, documents, null);
    }

    private ProviderDocuments Committed(ProviderDefinition provider, string key, string location)
    {
        var path = Path.Combine(options.Root, location);
        var relative = Path.GetRelativePath(options.Root, path).Replace('\\', '/');
        if (!File.Exists(path))
        {
            throw new SpecException(provider.Name, relative, "the committed document is missing");
        }

        var content = File.ReadAllBytes(path);
        Validate(provider, key, relative, content, null, SiblingFiles.NextTo(path));
        return new ProviderDocuments(provider, [new PulledDocument(key, relative, path, content, null)], null);
    }

    private static PulledDocument Accept(ProviderDefinition provider, PullResult result, string key, string canonical, string localCopy)
    {
        if (result.Content is null)
        {
            throw new SpecException(provider.Name, result.Location, result.Error ?? "no content");
        }

        Validate(provider, key, result.Location, result.Content, result.MediaType, SiblingFiles.NextTo(result.Location));
        return new PulledDocument(key, canonical, result.Location, result.Content, localCopy);
    }

    private static void Validate(ProviderDefinition provider, string key, string location, byte[] content, string? mediaType, Func<string, byte[]?>? siblings)
    {
        var result = SpecValidator.Validate(content, mediaType, new SpecSource(provider.Name, key, location), SpecValidationOptions.Default, siblings);
        if (!result.IsValid)
        {
            throw new SpecException(provider.Name, location, result.Problem ?? result.Reason ?? "invalid document");
        }
    }

    private string Rel(string path) => Path.GetRelativePath(options.Root, path).Replace('\\', '/');

    private string? Env(string name) =>
        options.Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
}

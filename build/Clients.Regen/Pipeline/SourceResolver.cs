using System.Text.Json;
using Clients.Regen.Model;
using Clients.Regen.Sources;
using Clients.SpecTools;
using Clients.SpecTools.Reading;

namespace Clients.Regen.Pipeline;

/// <summary>
/// Pulls and validates every document of a provider as its <see cref="DocumentSource"/>s describe: the spec mirror when
/// one is configured and holds the document, else its URL (authenticated as described; without the credentials, the
/// stored copy), else the stored copy. Any invalid document is a <see cref="SpecException"/> naming provider, source and
/// reason; nothing is written here. No provider is named in this class.
/// </summary>
internal sealed class SourceResolver(RegenOptions options, DocumentPuller puller, HttpClient http, TextWriter log)
{
    public async Task<ProviderDocuments> ResolveAsync(ProviderDefinition provider, CancellationToken cancellationToken)
    {
        var sources = provider.Documents(options);
        var documents = new List<PulledDocument>();
        foreach (var source in sources)
        {
            var outcome = await ResolveAsync(provider, source, cancellationToken).ConfigureAwait(false);
            if (outcome.Document is { } document)
            {
                documents.Add(document);
                continue;
            }

            return FromLocalCopies(provider, sources)
                   ?? new ProviderDocuments(provider, [], $"its documents could not be pulled ({outcome.Unreachable}) and no local copies match the lock; the committed generated code is kept");
        }

        return new ProviderDocuments(provider, documents, null);
    }

    /// <summary>One document, or (when its URL is unreachable and the provider falls back to locked copies) where it was unreachable.</summary>
    private async Task<(PulledDocument? Document, string? Unreachable)> ResolveAsync(ProviderDefinition provider, DocumentSource source, CancellationToken cancellationToken)
    {
        var stored = Full(source.StoredPath);
        var canonical = source.Url ?? Rel(stored);
        if (options.Mirror is { } mirror && source.MirrorPath is { } mirrorPath && (source.MirrorRequired || File.Exists(Path.Combine(mirror, mirrorPath))))
        {
            var mirrored = await puller.PullAsync(Path.Combine(mirror, mirrorPath), null, cancellationToken).ConfigureAwait(false);
            return (Accept(provider, mirrored, source.Key, canonical, stored), null);
        }

        if (source.Url is null)
        {
            return (Stored(provider, source.Key, stored), null);
        }

        var location = IsUrl(source.Url) ? source.Url : Full(source.Url);
        (string Name, string Value)? header = null;
        if (source.Authentication is { } authentication)
        {
            var missing = authentication.Variables.Where(v => Env(v) is null).ToList();
            if (missing.Count > 0)
            {
                log.WriteLine($"RegenClients: {provider.Name}: {string.Join("/", missing)} not set; using the stored {Rel(stored)}.");
                return (Stored(provider, source.Key, stored), null);
            }

            try
            {
                header = await HeaderAsync(provider, authentication, cancellationToken).ConfigureAwait(false);
            }
            catch (Clients.Core.OAuth2.OAuth2Exception ex) when (ex.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError } transport)
            {
                return Unreachable(provider, source, stored, $"{((ClientCredentialsPull)authentication).TokenUrl} unreachable ({transport.HttpRequestError})");
            }
            catch (Exception ex) when (ex is Clients.Core.OAuth2.OAuth2Exception or HttpRequestException or InvalidOperationException or JsonException or TaskCanceledException or UriFormatException)
            {
                throw new SpecException(provider.Name, (authentication as ClientCredentialsPull)?.TokenUrl ?? location, "could not get a client-credentials token: " + ex.Message);
            }
        }

        var result = await puller.PullAsync(location, header, cancellationToken).ConfigureAwait(false);
        if (result.Unreachable)
        {
            return Unreachable(provider, source, stored, $"{location} {result.Error}");
        }

        return (Accept(provider, result, source.Key, canonical, stored), null);
    }

    private (PulledDocument? Document, string? Unreachable) Unreachable(ProviderDefinition provider, DocumentSource source, string stored, string what)
    {
        if (source.Offline == OfflineRule.StoredCopy)
        {
            log.WriteLine($"RegenClients : warning REGEN101: {provider.Name}: {what}; using the stored {Rel(stored)}.");
            return (Stored(provider, source.Key, stored), null);
        }

        return (null, what);
    }

    private async Task<(string Name, string Value)> HeaderAsync(ProviderDefinition provider, PullAuthentication authentication, CancellationToken cancellationToken)
    {
        switch (authentication)
        {
            case ClientCredentialsPull credentials:
                var token = await new ClientCredentialsTokenSource(http)
                    .GetAsync(provider.Prefix, new Uri(credentials.TokenUrl), Env(credentials.ClientIdVariable)!, Env(credentials.ClientSecretVariable)!, cancellationToken)
                    .ConfigureAwait(false);
                return ("Authorization", token.ToString());
            case HeaderPull header:
                return (header.Header, Env(header.Variable)!);
            default:
                throw new InvalidOperationException("unknown pull authentication " + authentication.GetType().Name);
        }
    }

    /// <summary>Offline without a mirror: the stored documents are used when every one matches the lock.</summary>
    private ProviderDocuments? FromLocalCopies(ProviderDefinition provider, IReadOnlyList<DocumentSource> sources)
    {
        var specLock = SpecLock.Read(options.Specs, provider.Name);
        if (specLock is null)
        {
            return null;
        }

        var documents = new List<PulledDocument>();
        foreach (var source in sources)
        {
            var path = Full(source.StoredPath);
            var entry = specLock.Find(source.Key);
            if (entry is null || !File.Exists(path))
            {
                return null;
            }

            var document = new PulledDocument(source.Key, entry.Source, path, File.ReadAllBytes(path), null);
            if (document.Sha256 != entry.Sha256)
            {
                return null;
            }

            documents.Add(document);
        }

        log.WriteLine($"RegenClients : warning REGEN100: {provider.Name}: the source is unreachable (offline?); generating from the stored documents ({string.Join(", ", sources.Select(s => Rel(Full(s.StoredPath))))}), which match the lock.");
        return new ProviderDocuments(provider, documents, null);
    }

    private PulledDocument Stored(ProviderDefinition provider, string key, string path)
    {
        var relative = Rel(path);
        if (!File.Exists(path))
        {
            throw new SpecException(provider.Name, relative, "the committed document is missing");
        }

        var content = File.ReadAllBytes(path);
        Validate(provider, key, relative, content, null, SiblingFiles.NextTo(path));
        return new PulledDocument(key, relative, path, content, null);
    }

    private PulledDocument Accept(ProviderDefinition provider, PullResult result, string key, string canonical, string localCopy)
    {
        if (result.Content is null)
        {
            throw new SpecException(provider.Name, result.Location, result.Error ?? "no content");
        }

        Validate(provider, key, result.Location, result.Content, result.MediaType, SiblingFiles.NextTo(result.Location));
        var sameFile = !IsUrl(result.Location) && Path.GetFullPath(localCopy) == Path.GetFullPath(result.Location);
        return new PulledDocument(key, canonical, result.Location, result.Content, sameFile ? null : localCopy);
    }

    private static void Validate(ProviderDefinition provider, string key, string location, byte[] content, string? mediaType, Func<string, byte[]?>? siblings)
    {
        var result = SpecValidator.Validate(content, mediaType, new SpecSource(provider.Name, key, location), SpecValidationOptions.Default, siblings);
        if (!result.IsValid)
        {
            throw new SpecException(provider.Name, location, result.Problem ?? result.Reason ?? "invalid document");
        }
    }

    private static bool IsUrl(string location) =>
        location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private string Full(string path) => Path.GetFullPath(Path.Combine(options.Root, path));

    private string Rel(string path) => Path.GetRelativePath(options.Root, path).Replace('\\', '/');

    private string? Env(string name) => options.Variable(name);
}

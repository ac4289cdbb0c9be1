namespace Clients.Ovh;

/// <summary>The resolved API base of the configured region or custom base URL.</summary>
internal sealed class OvhEndpoint
{
    public OvhEndpoint(OvhOptions options)
    {
        var baseUrl = options.BaseUrl
            ?? (options.Endpoint is { } name && OvhRegion.All.TryGetValue(name, out var region) ? region.BaseUrl : null)
            ?? throw new InvalidOperationException("The OVH options name neither an endpoint nor a base URL.");
        var text = baseUrl.AbsoluteUri.TrimEnd('/');
        BaseAddress = new Uri(text);
        Authority = BaseAddress.GetLeftPart(UriPartial.Authority);
        BasePath = BaseAddress.AbsolutePath.TrimEnd('/');
        TimeUri = new Uri(text + "/auth/time");
    }

    /// <summary>The base URL without trailing slash, for example <c>https://eu.api.ovh.com/1.0</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary><c>scheme://host[:port]</c>.</summary>
    public string Authority { get; }

    /// <summary>The version path of the base, for example <c>/1.0</c>; empty for a base at the root.</summary>
    public string BasePath { get; }

    /// <summary>The server-time URL.</summary>
    public Uri TimeUri { get; }

    /// <summary>
    /// Returns the URI to send: a call whose path starts with <c>/v1</c> or <c>/v2</c> goes to <c>{host}/v1|v2/...</c>,
    /// dropping the base's own version path, as the official clients do.
    /// </summary>
    public Uri Rewrite(Uri uri)
    {
        if (BasePath.Length == 0)
        {
            return uri;
        }

        var path = uri.AbsolutePath.AsSpan();
        if (!path.StartsWith(BasePath, StringComparison.Ordinal))
        {
            return uri;
        }

        var rest = path[BasePath.Length..];
        if (!IsVersionPrefix(rest, "/v1") && !IsVersionPrefix(rest, "/v2"))
        {
            return uri;
        }

        return new Uri(string.Concat(uri.GetLeftPart(UriPartial.Authority), uri.PathAndQuery.AsSpan(BasePath.Length)));
    }

    /// <summary>The path relative to the version root (<c>/auth/time</c> for <c>/1.0/auth/time</c> or <c>/v1/auth/time</c>).</summary>
    public ReadOnlySpan<char> RelativePath(Uri uri)
    {
        var path = uri.AbsolutePath.AsSpan();
        if (BasePath.Length > 0 && path.StartsWith(BasePath, StringComparison.Ordinal))
        {
            path = path[BasePath.Length..];
        }
        else if (IsVersionPrefix(path, "/v1"))
        {
            path = path[3..];
        }

        return path;
    }

    private static bool IsVersionPrefix(ReadOnlySpan<char> path, string prefix) =>
        path.StartsWith(prefix, StringComparison.Ordinal) && (path.Length == prefix.Length || path[prefix.Length] == '/');
}

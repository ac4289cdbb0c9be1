using Clients.Core.OAuth2;

namespace Clients.Optimum;

/// <summary>Settings of the Optimum clients (configuration section <c>Optimum</c> by convention).</summary>
/// <remarks><see cref="ToString"/> never shows the client secret.</remarks>
public sealed class OptimumOptions
{
    /// <summary>
    /// <c>Production</c> or <c>PreProduction</c>: chooses the published API and token URLs.
    /// Either this or both <see cref="ApiBaseUrl"/> and <see cref="TokenUrl"/> must be set; explicit URLs win.
    /// </summary>
    public OptimumEnvironment? Environment { get; set; }

    /// <summary>An explicit API base URL (a proxy, the sandbox), overriding <see cref="Environment"/>.</summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>An explicit token endpoint, overriding <see cref="Environment"/>.</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>The OAuth2 client id Optimum issued.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth2 client secret Optimum issued. A secret: never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>How the client authenticates to the token endpoint. Default: in the body, as Optimum's guide shows.</summary>
    public OAuth2ClientAuthentication ClientAuthentication { get; set; } = OAuth2ClientAuthentication.ClientSecretPost;

    /// <summary>The scope to request, if Optimum assigned one. Default none.</summary>
    public string? Scope { get; set; }

    /// <summary>How long before its announced expiry a token is replaced. Default five minutes.</summary>
    public TimeSpan TokenExpiryBuffer { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many times a token request that failed in transport or with 5xx is retried. Default 2.</summary>
    public int TokenRequestRetries { get; set; } = 2;

    /// <summary>The first delay between token request retries (doubling). Default 200 ms.</summary>
    public TimeSpan TokenRequestRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The API base URL in effect: <see cref="ApiBaseUrl"/>, else that of <see cref="Environment"/>.</summary>
    /// <returns>The URL, or <see langword="null"/> if neither is set.</returns>
    public Uri? ResolveApiBaseUrl() => ApiBaseUrl ?? (Environment is { } e ? OptimumEndpoints.ApiOf(e) : null);

    /// <summary>The token endpoint in effect: <see cref="TokenUrl"/>, else that of <see cref="Environment"/>.</summary>
    /// <returns>The URL, or <see langword="null"/> if neither is set.</returns>
    public Uri? ResolveTokenUrl() => TokenUrl ?? (Environment is { } e ? OptimumEndpoints.TokenOf(e) : null);

    /// <inheritdoc />
    public override string ToString() => $"Optimum client {ClientId} at {ResolveApiBaseUrl()} (token {ResolveTokenUrl()})";
}

using Clients.Core.OAuth2;

namespace Clients.Optimum;

/// <summary>Settings of the Optimum clients (configuration section <c>Optimum</c> by convention).</summary>
/// <remarks>
/// The client, its authentication, token renewal and retries are <see cref="OAuth2ProviderOptions"/>'s (token expiry
/// buffer: five minutes by default). <see cref="ToString"/> never shows the client secret.
/// </remarks>
public sealed class OptimumOptions() : OAuth2ProviderOptions(tokenExpiryBuffer: TimeSpan.FromMinutes(5))
{
    /// <summary>
    /// <c>Production</c> or <c>PreProduction</c>: chooses the published API and token URLs.
    /// Either this or both <see cref="ApiBaseUrl"/> and <see cref="OAuth2ProviderOptions.TokenUrl"/> must be set; explicit URLs win.
    /// </summary>
    public OptimumEnvironment? Environment { get; set; }

    /// <summary>An explicit API base URL (a proxy, the sandbox), overriding <see cref="Environment"/>.</summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>The scope to request, if Optimum assigned one. Default none.</summary>
    public string? Scope { get; set; }

    /// <summary>The API base URL in effect: <see cref="ApiBaseUrl"/>, else that of <see cref="Environment"/>.</summary>
    /// <returns>The URL, or <see langword="null"/> if neither is set.</returns>
    public override Uri? ResolveApiBaseUrl() => ApiBaseUrl ?? (Environment is { } e ? OptimumEndpoints.ApiOf(e) : null);

    /// <inheritdoc />
    public override string ToString() => $"Optimum client {ClientId} at {ResolveApiBaseUrl()} (token {ResolveTokenUrl()})";

    /// <summary>The token endpoint of <see cref="Environment"/>.</summary>
    /// <returns>The URL, or <see langword="null"/> without an environment.</returns>
    protected override Uri? DefaultTokenUrl() => Environment is { } e ? OptimumEndpoints.TokenOf(e) : null;
}

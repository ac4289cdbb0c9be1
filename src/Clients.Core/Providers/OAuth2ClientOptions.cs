using Clients.Core.OAuth2;

namespace Clients.Core;

/// <summary>
/// The settings of a provider of your own authenticated with OAuth2 client credentials
/// (<see cref="ClientProviderRegistration.OAuth2ClientCredentials"/>): where its API and token endpoint are, the client,
/// the scope. Everything about the client, token renewal and retries is <see cref="OAuth2ProviderOptions"/>'s.
/// </summary>
/// <remarks><see cref="ToString"/> never shows <see cref="OAuth2ProviderOptions.ClientSecret"/>.</remarks>
public abstract class OAuth2ClientOptions : OAuth2ProviderOptions
{
    /// <summary>Sets the defaults: tokens renewed one minute before their announced expiry.</summary>
    protected OAuth2ClientOptions()
        : base(tokenExpiryBuffer: TimeSpan.FromMinutes(1))
    {
    }

    /// <summary>The base URL of the provider's API (<c>https://api.acme.example/v1/</c>). Required.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The scope to request, if the provider wants one. Default none.</summary>
    public string? Scope { get; set; }

    /// <inheritdoc />
    public override Uri? ResolveApiBaseUrl() => BaseUrl;

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name}: client {ClientId} at {BaseUrl} (token {ResolveTokenUrl()})";

    /// <summary>No default: <see cref="OAuth2ProviderOptions.TokenUrl"/> is required.</summary>
    /// <returns><see langword="null"/>.</returns>
    protected override Uri? DefaultTokenUrl() => null;
}

namespace Clients.Core;

/// <summary>
/// The settings of a provider of your own that is not OAuth2 (an API key, your own handler): where its API is. Derive
/// your provider's options class from it (or from <see cref="ApiKeyProviderOptions"/>) and add what your handler needs.
/// </summary>
public abstract class ClientProviderOptions
{
    /// <summary>The base URL of the provider's API (<c>https://api.acme.example/v1/</c>). Required.</summary>
    public Uri? BaseUrl { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} at {BaseUrl}";
}

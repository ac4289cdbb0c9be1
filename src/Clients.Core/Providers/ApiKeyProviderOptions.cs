namespace Clients.Core;

/// <summary>
/// The settings of a provider authenticated with an API key (<see cref="ClientProviderRegistration.ApiKey"/>): where its
/// API is and the key. Where the key is sent (which header or query parameter) is the registration's, not a setting.
/// </summary>
/// <remarks><see cref="ToString"/> never shows <see cref="ApiKey"/>.</remarks>
public abstract class ApiKeyProviderOptions : ClientProviderOptions
{
    /// <summary>The API key the provider issued. A secret: never logged, never in a message.</summary>
    public string? ApiKey { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{GetType().Name} at {BaseUrl} (API key {(string.IsNullOrEmpty(ApiKey) ? "not set" : "set")})";
}

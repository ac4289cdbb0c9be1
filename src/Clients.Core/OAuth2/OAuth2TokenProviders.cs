namespace Clients.Core.OAuth2;

/// <summary>
/// The former name of <see cref="OAuth2TokenSources"/>, kept for one release: every member forwards to it (the
/// container still resolves this type, and <see cref="OAuth2ProviderRegistration"/> still accepts a grant written
/// against it).
/// </summary>
[Obsolete("Use OAuth2TokenSources (\"provider\" now means only the API vendor); OAuth2TokenProviders will be removed in the next release.")]
public sealed class OAuth2TokenProviders
{
    private readonly OAuth2TokenSources _sources;

    /// <summary>Wraps the factory.</summary>
    /// <param name="sources">The factory every member forwards to.</param>
    internal OAuth2TokenProviders(OAuth2TokenSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources;
    }

    /// <summary>Forwards to <see cref="OAuth2TokenSources.HttpClientName"/>.</summary>
    /// <param name="providerName">The provider's name.</param>
    /// <returns>The client name.</returns>
    public static string HttpClientName(string providerName) => OAuth2TokenSources.HttpClientName(providerName);

    /// <summary>Forwards to <see cref="OAuth2TokenSources.ClientCredentials"/>.</summary>
    /// <param name="options">The token client.</param>
    /// <param name="scope">The scope requested, if any.</param>
    /// <param name="expiryBuffer">How long before the announced expiry a token stops being used.</param>
    /// <returns>The token source, under its former interface.</returns>
    public IAccessTokenProvider ClientCredentials(OAuth2TokenClientOptions options, string? scope, TimeSpan expiryBuffer) =>
        AccessTokenProviderAdapter.Wrap(_sources.ClientCredentials(options, scope, expiryBuffer));

    /// <summary>Forwards to <see cref="OAuth2TokenSources.Password"/>.</summary>
    /// <param name="options">The token client.</param>
    /// <param name="userName">The user the tokens act as.</param>
    /// <param name="password">Reads the user's password when a new grant is needed.</param>
    /// <param name="expiryBuffer">How long before the announced expiry a token stops being used.</param>
    /// <returns>The token source, under its former interface.</returns>
    public IAccessTokenProvider Password(OAuth2TokenClientOptions options, string userName, Func<string> password, TimeSpan expiryBuffer) =>
        AccessTokenProviderAdapter.Wrap(_sources.Password(options, userName, password, expiryBuffer));
}

namespace Clients.Core.OAuth2;

/// <summary>One token request: the grant and its parameters. Client credentials come from <see cref="OAuth2TokenClientOptions"/>.</summary>
/// <remarks><see cref="ToString"/> never shows the password or the refresh token.</remarks>
public sealed class OAuth2TokenRequest
{
    private OAuth2TokenRequest(string grantType)
    {
        GrantType = grantType;
    }

    /// <summary>The <c>grant_type</c>.</summary>
    public string GrantType { get; }

    /// <summary>The <c>scope</c>, if any.</summary>
    public string? Scope { get; private init; }

    /// <summary>The resource owner's user name (password grant).</summary>
    public string? UserName { get; private init; }

    /// <summary>The resource owner's password (password grant). A secret.</summary>
    public string? Password { get; private init; }

    /// <summary>The refresh token (refresh grant). A secret.</summary>
    public string? RefreshToken { get; private init; }

    /// <summary>A <c>client_credentials</c> request.</summary>
    /// <param name="scope">The scope, or <see langword="null"/>.</param>
    /// <returns>The request.</returns>
    public static OAuth2TokenRequest ClientCredentials(string? scope = null) =>
        new(OAuth2GrantTypes.ClientCredentials) { Scope = scope };

    /// <summary>A <c>password</c> request.</summary>
    /// <param name="userName">The user name.</param>
    /// <param name="password">The password.</param>
    /// <param name="scope">The scope, or <see langword="null"/>.</param>
    /// <returns>The request.</returns>
    public static OAuth2TokenRequest ResourceOwnerPassword(string userName, string password, string? scope = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(userName);
        ArgumentNullException.ThrowIfNull(password);
        return new(OAuth2GrantTypes.Password) { UserName = userName, Password = password, Scope = scope };
    }

    /// <summary>A <c>refresh_token</c> request.</summary>
    /// <param name="refreshToken">The refresh token.</param>
    /// <param name="scope">The scope, or <see langword="null"/>.</param>
    /// <returns>The request.</returns>
    public static OAuth2TokenRequest Refresh(string refreshToken, string? scope = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        return new(OAuth2GrantTypes.RefreshToken) { RefreshToken = refreshToken, Scope = scope };
    }

    internal IEnumerable<KeyValuePair<string, string>> Parameters()
    {
        yield return new("grant_type", GrantType);
        if (UserName is not null)
        {
            yield return new("username", UserName);
        }

        if (Password is not null)
        {
            yield return new("password", Password);
        }

        if (RefreshToken is not null)
        {
            yield return new("refresh_token", RefreshToken);
        }

        if (!string.IsNullOrEmpty(Scope))
        {
            yield return new("scope", Scope);
        }
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"grant_type={GrantType}" + (Scope is null ? string.Empty : $", scope={Scope}") + (UserName is null ? string.Empty : $", username={UserName}");
}

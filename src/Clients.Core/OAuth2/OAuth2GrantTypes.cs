namespace Clients.Core.OAuth2;

/// <summary>The <c>grant_type</c> values this library sends.</summary>
public static class OAuth2GrantTypes
{
    /// <summary>RFC 6749 §4.4.</summary>
    public const string ClientCredentials = "client_credentials";

    /// <summary>RFC 6749 §4.3 (resource owner password credentials).</summary>
    public const string Password = "password";

    /// <summary>RFC 6749 §6.</summary>
    public const string RefreshToken = "refresh_token";
}

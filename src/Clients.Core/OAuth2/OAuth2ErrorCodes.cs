namespace Clients.Core.OAuth2;

/// <summary>Error codes of RFC 6749 §5.2, plus the codes this library uses for failures that are not the server's.</summary>
public static class OAuth2ErrorCodes
{
    /// <summary>The request is missing a parameter or is otherwise malformed.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>Client authentication failed (unknown client, wrong secret, unsupported method).</summary>
    public const string InvalidClient = "invalid_client";

    /// <summary>The grant (password, refresh token) is invalid, expired or revoked.</summary>
    public const string InvalidGrant = "invalid_grant";

    /// <summary>The client may not use this grant type.</summary>
    public const string UnauthorizedClient = "unauthorized_client";

    /// <summary>The server does not support this grant type.</summary>
    public const string UnsupportedGrantType = "unsupported_grant_type";

    /// <summary>The requested scope is invalid or exceeds what was granted.</summary>
    public const string InvalidScope = "invalid_scope";

    /// <summary>Library code: the token endpoint answered something that is not a usable token response.</summary>
    public const string InvalidTokenResponse = "invalid_token_response";

    /// <summary>Library code: the token endpoint failed (5xx) or could not be reached after every retry.</summary>
    public const string TokenEndpointUnavailable = "token_endpoint_unavailable";
}

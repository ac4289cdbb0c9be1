namespace Clients.Core.OAuth2;

/// <summary>How the token request body is encoded.</summary>
public enum OAuth2RequestFormat
{
    /// <summary><c>application/x-www-form-urlencoded</c>, as RFC 6749 requires.</summary>
    Form = 0,

    /// <summary><c>application/json</c>, for providers whose SDKs send JSON.</summary>
    Json = 1,
}

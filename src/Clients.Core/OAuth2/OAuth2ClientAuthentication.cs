namespace Clients.Core.OAuth2;

/// <summary>How the client authenticates to the token endpoint (RFC 6749 §2.3.1).</summary>
public enum OAuth2ClientAuthentication
{
    /// <summary><c>client_secret_post</c>: <c>client_id</c> and <c>client_secret</c> in the request body.</summary>
    ClientSecretPost = 0,

    /// <summary><c>client_secret_basic</c>: HTTP Basic authentication with the form-encoded client id and secret.</summary>
    ClientSecretBasic = 1,
}

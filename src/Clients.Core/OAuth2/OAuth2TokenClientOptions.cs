namespace Clients.Core.OAuth2;

/// <summary>Settings of an <see cref="OAuth2TokenClient"/>.</summary>
/// <remarks><see cref="ToString"/> never shows the client secret.</remarks>
public sealed class OAuth2TokenClientOptions
{
    /// <summary>The token endpoint (absolute).</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>The client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The client secret. A secret: never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>How the client authenticates. Default: <see cref="OAuth2ClientAuthentication.ClientSecretPost"/>.</summary>
    public OAuth2ClientAuthentication ClientAuthentication { get; set; } = OAuth2ClientAuthentication.ClientSecretPost;

    /// <summary>How the request body is encoded. Default: form.</summary>
    public OAuth2RequestFormat RequestFormat { get; set; } = OAuth2RequestFormat.Form;

    /// <summary>How many times a transport failure or 5xx is retried (0 = no retry). Default 2. OAuth2 errors are never retried.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry delay; each further retry doubles it. Default 200 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The lifetime assumed when a response has no <c>expires_in</c>. Default <see langword="null"/>: such a response is
    /// rejected with <see cref="OAuth2ErrorCodes.InvalidTokenResponse"/>, because caching a token of unknown life is a guess.
    /// </summary>
    public TimeSpan? DefaultTokenLifetime { get; set; }

    /// <summary>The provider's name, used in messages and logs.</summary>
    public string ProviderName { get; set; } = "OAuth2";

    /// <inheritdoc />
    public override string ToString() => $"{ProviderName} token client {ClientId} at {TokenEndpoint} ({ClientAuthentication}, {RequestFormat})";
}

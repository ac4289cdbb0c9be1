using Clients.Core.OAuth2;

namespace Clients.Origami;

/// <summary>Settings of the Origami clients (configuration section <c>Origami</c> by convention).</summary>
/// <remarks><see cref="ToString"/> never shows the client secret or the password.</remarks>
public sealed class OrigamiOptions
{
    /// <summary>Your marketplace's API URL, without <c>/v1</c>: data calls go to <c>{ApiUrl}/v1/...</c>, tokens to <c>{ApiUrl}/oauth/token</c>.</summary>
    public Uri? ApiUrl { get; set; }

    /// <summary>The OAuth2 client id.</summary>
    public string? ClientId { get; set; }

    /// <summary>The OAuth2 client secret. A secret: never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The API user's e-mail (the password grant's user name).</summary>
    public string? UserName { get; set; }

    /// <summary>The API user's password. A secret: never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The user group the calls act as by default (the <c>context</c> header). Default <c>1</c>, the operator.</summary>
    public string DefaultContext { get; set; } = OrigamiContext.Operator;

    /// <summary>An explicit token endpoint, if not <c>{ApiUrl}/oauth/token</c>.</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>How the client authenticates to the token endpoint. Default: in the body, as Origami's guide and SDK do.</summary>
    public OAuth2ClientAuthentication ClientAuthentication { get; set; } = OAuth2ClientAuthentication.ClientSecretPost;

    /// <summary>How token requests are encoded. Default form (the guide); the PHP SDK sends JSON.</summary>
    public OAuth2RequestFormat TokenRequestFormat { get; set; } = OAuth2RequestFormat.Form;

    /// <summary>How long before its announced expiry an access token is renewed. Default one minute.</summary>
    public TimeSpan TokenExpiryBuffer { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many times a token request that failed in transport or with 5xx is retried. Default 2.</summary>
    public int TokenRequestRetries { get; set; } = 2;

    /// <summary>The first delay between token request retries (doubling). Default 200 ms.</summary>
    public TimeSpan TokenRequestRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The data API base: <c>{ApiUrl}/v1/</c>.</summary>
    /// <returns>The URL, or <see langword="null"/> without <see cref="ApiUrl"/>.</returns>
    public Uri? ResolveDataBaseUrl() => ApiUrl is null ? null : new Uri(WithSlash(ApiUrl), "v1/");

    /// <summary>The token endpoint: <see cref="TokenUrl"/>, else <c>{ApiUrl}/oauth/token</c>.</summary>
    /// <returns>The URL, or <see langword="null"/> if neither is set.</returns>
    public Uri? ResolveTokenUrl() => TokenUrl ?? (ApiUrl is null ? null : new Uri(WithSlash(ApiUrl), "oauth/token"));

    /// <inheritdoc />
    public override string ToString() => $"Origami user {UserName} (client {ClientId}) at {ApiUrl}, context {DefaultContext}";

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
}

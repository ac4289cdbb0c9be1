using Clients.Core.OAuth2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clients.Ovh;

/// <summary>
/// OVH OAuth2 service-account tokens (client credentials, <c>scope=all</c>) through the shared <see cref="TokenCache"/>:
/// one token request however many calls need one, renewed before expiry and once after a 401.
/// </summary>
internal sealed class OvhServiceAccountTokenProvider : IAccessTokenProvider
{
    internal const string TokenHttpClientName = "Clients:Ovh:Token";
    private const string Scope = "all";
    private readonly ClientCredentialsTokenProvider _inner;

    public OvhServiceAccountTokenProvider(
        IOptions<OvhOptions> options,
        TokenCache cache,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory)
    {
        var o = options.Value;
        var tokenUrl = o.TokenUrl
            ?? (o.Endpoint is { } name && OvhRegion.All.TryGetValue(name, out var region) ? region.TokenUrl : null)
            ?? throw new InvalidOperationException("Ovh:TokenUrl is required for an OAuth2 service account with this endpoint.");
        var clientOptions = new OAuth2TokenClientOptions
        {
            ProviderName = "Ovh",
            TokenEndpoint = tokenUrl,
            ClientId = o.ClientId!,
            ClientSecret = o.ClientSecret,
            ClientAuthentication = OAuth2ClientAuthentication.ClientSecretBasic,
            RequestFormat = OAuth2RequestFormat.Form,
        };
        var logger = loggerFactory.CreateLogger<OAuth2TokenClient>();
        _inner = new ClientCredentialsTokenProvider(
            cache,
            () => new OAuth2TokenClient(httpClientFactory.CreateClient(TokenHttpClientName), clientOptions, timeProvider, logger),
            new TokenCacheKey("Ovh", tokenUrl, o.ClientId!, Scope),
            TimeSpan.FromSeconds(60));
    }

    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => _inner.GetTokenAsync(cancellationToken);

    public ValueTask<AccessToken> RenewTokenAsync(AccessToken rejected, CancellationToken cancellationToken) =>
        _inner.RenewTokenAsync(rejected, cancellationToken);
}

using Clients.Core.OAuth2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clients.Optimum;

/// <summary>The client-credentials token of the configured Optimum client, shared by every Optimum client of the container.</summary>
internal sealed class OptimumTokenProvider : IAccessTokenProvider
{
    internal const string TokenHttpClientName = "Clients:Optimum:Token";
    private readonly ClientCredentialsTokenProvider _inner;

    public OptimumTokenProvider(IOptions<OptimumOptions> options, TokenCache cache, IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var o = options.Value;
        var tokenUrl = o.ResolveTokenUrl()!;
        var clientOptions = new OAuth2TokenClientOptions
        {
            ProviderName = "Optimum",
            TokenEndpoint = tokenUrl,
            ClientId = o.ClientId!,
            ClientSecret = o.ClientSecret,
            ClientAuthentication = o.ClientAuthentication,
            RequestFormat = OAuth2RequestFormat.Form,
            MaxRetries = o.TokenRequestRetries,
            RetryDelay = o.TokenRequestRetryDelay,
        };
        var logger = loggerFactory.CreateLogger<OAuth2TokenClient>();
        _inner = new ClientCredentialsTokenProvider(
            cache,
            () => new OAuth2TokenClient(httpClientFactory.CreateClient(TokenHttpClientName), clientOptions, timeProvider, logger),
            new TokenCacheKey("Optimum", tokenUrl, o.ClientId!, o.Scope),
            o.TokenExpiryBuffer);
    }

    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => _inner.GetTokenAsync(cancellationToken);

    public ValueTask<AccessToken> RenewTokenAsync(AccessToken rejected, CancellationToken cancellationToken) => _inner.RenewTokenAsync(rejected, cancellationToken);
}

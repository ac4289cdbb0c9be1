using Clients.Core.OAuth2;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clients.Origami;

/// <summary>The API user's password-grant token, refreshed with rotating refresh tokens, shared by every Origami client.</summary>
internal sealed class OrigamiTokenProvider : IAccessTokenProvider
{
    internal const string TokenHttpClientName = "Clients:Origami:Token";
    private readonly ResourceOwnerPasswordTokenProvider _inner;

    public OrigamiTokenProvider(IOptionsMonitor<OrigamiOptions> options, TokenCache cache, IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        var o = options.CurrentValue;
        var tokenUrl = o.ResolveTokenUrl()!;
        var clientOptions = new OAuth2TokenClientOptions
        {
            ProviderName = "Origami",
            TokenEndpoint = tokenUrl,
            ClientId = o.ClientId!,
            ClientSecret = o.ClientSecret,
            ClientAuthentication = o.ClientAuthentication,
            RequestFormat = o.TokenRequestFormat,
            MaxRetries = o.TokenRequestRetries,
            RetryDelay = o.TokenRequestRetryDelay,
        };
        var logger = loggerFactory.CreateLogger<OAuth2TokenClient>();
        _inner = new ResourceOwnerPasswordTokenProvider(
            cache,
            () => new OAuth2TokenClient(httpClientFactory.CreateClient(TokenHttpClientName), clientOptions, timeProvider, logger),
            new TokenCacheKey("Origami", tokenUrl, o.ClientId!, scope: null, user: o.UserName),
            () => options.CurrentValue.Password!,
            o.TokenExpiryBuffer,
            loggerFactory.CreateLogger<ResourceOwnerPasswordTokenProvider>());
    }

    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => _inner.GetTokenAsync(cancellationToken);

    public ValueTask<AccessToken> RenewTokenAsync(AccessToken rejected, CancellationToken cancellationToken) => _inner.RenewTokenAsync(rejected, cancellationToken);
}

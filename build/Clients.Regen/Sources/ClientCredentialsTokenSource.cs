using System.Net.Http.Headers;
using Clients.Core.OAuth2;

namespace Clients.Regen.Sources;

/// <summary>
/// Gets the client-credentials token a document's URL needs (Optimum's Swagger, a consumer's protected document),
/// through the same <see cref="OAuth2TokenClient"/> the runtime uses; the secret never appears in messages.
/// </summary>
internal sealed class ClientCredentialsTokenSource(HttpClient http)
{
    public async Task<AuthenticationHeaderValue> GetAsync(string provider, Uri tokenUrl, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        var client = new OAuth2TokenClient(http, new OAuth2TokenClientOptions
        {
            ProviderName = provider,
            TokenEndpoint = tokenUrl,
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientAuthentication = OAuth2ClientAuthentication.ClientSecretPost,
            // The document is pulled once: a token without expires_in is still usable for that one request.
            DefaultTokenLifetime = TimeSpan.FromMinutes(5),
            MaxRetries = 1,
        });
        var token = await client.RequestTokenAsync(OAuth2TokenRequest.ClientCredentials(), cancellationToken).ConfigureAwait(false);
        return new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }
}

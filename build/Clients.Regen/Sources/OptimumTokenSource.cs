using System.Net.Http.Headers;
using System.Text.Json;

namespace Clients.Regen.Sources;

/// <summary>
/// Gets the client-credentials token Optimum needs to serve its Swagger document. Kept alone in this class so that it
/// can be switched to Clients.Core's OAuth2 token client; the secret never appears in messages.
/// </summary>
internal sealed class OptimumTokenSource(HttpClient http)
{
    public async Task<AuthenticationHeaderValue> GetAsync(Uri tokenUrl, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        });
        using var response = await http.PostAsync(tokenUrl, form, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the token endpoint {tokenUrl} answered HTTP {(int)response.StatusCode} for client '{clientId}'");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var json = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!json.RootElement.TryGetProperty("access_token", out var token) || token.GetString() is not { Length: > 0 } value)
        {
            throw new InvalidOperationException($"the token endpoint {tokenUrl} returned no access_token");
        }

        return new AuthenticationHeaderValue("Bearer", value);
    }
}

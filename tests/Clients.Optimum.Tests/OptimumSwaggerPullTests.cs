using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Clients.Core.OAuth2;
using Clients.Sandbox.Optimum;

namespace Clients.Optimum.Tests;

public sealed class OptimumSwaggerPullTests
{
    [Fact]
    public async Task The_swagger_document_needs_a_token_and_the_token_client_gets_one()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        using var http = new HttpClient();

        (await http.GetAsync(sandbox.SwaggerUrl)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var tokens = new OAuth2TokenClient(http, new OAuth2TokenClientOptions
        {
            ProviderName = "Optimum",
            TokenEndpoint = sandbox.TokenUrl,
            ClientId = sandbox.ClientId,
            ClientSecret = sandbox.ClientSecret,
        });
        var token = await tokens.RequestTokenAsync(OAuth2TokenRequest.ClientCredentials());
        using var request = new HttpRequestMessage(HttpMethod.Get, sandbox.SwaggerUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        document.RootElement.GetProperty("paths").TryGetProperty("/Vehicles", out _).Should().BeTrue();
    }
}

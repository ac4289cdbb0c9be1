using System.Net;
using System.Net.Sockets;
using System.Text;
using Clients.Core.OAuth2;
using Clients.Sandbox.Hosting;
using Clients.Sandbox.Optimum;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Testing;

namespace Clients.Core.Tests;

public sealed class OAuth2TokenClientTests
{
    private static OAuth2TokenClient ClientFor(OptimumSandbox sandbox, HttpClient http, Action<OAuth2TokenClientOptions>? configure = null, FakeLogCollector? logs = null)
    {
        var options = new OAuth2TokenClientOptions
        {
            ProviderName = "Test",
            TokenEndpoint = sandbox.TokenUrl,
            ClientId = sandbox.ClientId,
            ClientSecret = sandbox.ClientSecret,
            RetryDelay = TimeSpan.Zero,
        };
        configure?.Invoke(options);
        return new OAuth2TokenClient(http, options, TimeProvider.System, logs is null ? null : new FakeLogger<OAuth2TokenClient>(logs));
    }

    [Theory]
    [InlineData(OAuth2ClientAuthentication.ClientSecretPost, "post")]
    [InlineData(OAuth2ClientAuthentication.ClientSecretBasic, "basic")]
    public async Task Client_credentials_with_either_client_authentication(OAuth2ClientAuthentication authentication, string seen)
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        using var http = new HttpClient();

        var token = await ClientFor(sandbox, http, o => o.ClientAuthentication = authentication).RequestTokenAsync(OAuth2TokenRequest.ClientCredentials());

        token.AccessToken.Should().StartWith("opt_");
        token.TokenType.Should().Be("Bearer");
        token.ExpiresIn.Should().Be(TimeSpan.FromHours(1));
        token.ToString().Should().NotContain(token.AccessToken);
        sandbox.LastClientAuthentication.Should().Be(seen);
    }

    [Fact]
    public async Task Basic_authentication_form_encodes_the_credentials()
    {
        await using var sandbox = await OptimumSandbox.StartAsync(new OptimumSandboxOptions { ClientId = "id with space", ClientSecret = "p@ss:w+rd/é" });
        using var http = new HttpClient();

        var token = await ClientFor(sandbox, http, o => o.ClientAuthentication = OAuth2ClientAuthentication.ClientSecretBasic)
            .RequestTokenAsync(OAuth2TokenRequest.ClientCredentials());

        token.AccessToken.Should().NotBeEmpty();
    }

    [Fact]
    public async Task Invalid_client_is_not_retried_and_carries_the_rfc_fields_without_the_secret()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        using var http = new HttpClient();
        var logs = new FakeLogCollector();
        const string secret = "definitely-wrong-secret-123";

        var act = () => ClientFor(sandbox, http, o => o.ClientSecret = secret, logs).RequestTokenAsync(OAuth2TokenRequest.ClientCredentials());

        var error = (await act.Should().ThrowAsync<OAuth2Exception>()).Which;
        error.Error.Should().Be(OAuth2ErrorCodes.InvalidClient);
        error.ErrorDescription.Should().NotBeNullOrEmpty();
        error.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.TokenEndpoint.Should().Be(sandbox.TokenUrl);
        error.ToString().Should().NotContain(secret);
        sandbox.TokenRequests.Should().Be(1);
        string.Join("\n", logs.GetSnapshot().Select(r => r.ToString())).Should().Contain("invalid_client").And.NotContain(secret);
    }

    [Fact]
    public async Task A_grant_the_client_may_not_use_is_an_rfc_error()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        using var http = new HttpClient();

        var act = () => ClientFor(sandbox, http).RequestTokenAsync(OAuth2TokenRequest.ResourceOwnerPassword("user", "pw"));

        var error = (await act.Should().ThrowAsync<OAuth2Exception>()).Which;
        error.Error.Should().Be(OAuth2ErrorCodes.UnsupportedGrantType);
        error.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        sandbox.TokenRequests.Should().Be(1);
    }

    [Fact]
    public async Task A_refusal_says_refused_and_names_the_client_but_not_the_secret()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        using var http = new HttpClient();

        var act = () => ClientFor(sandbox, http, o => o.ClientSecret = "wrong-secret-value").RequestTokenAsync(OAuth2TokenRequest.ClientCredentials());

        var error = (await act.Should().ThrowAsync<OAuth2Exception>()).Which;
        error.Error.Should().Be(OAuth2ErrorCodes.InvalidClient);
        error.IsUnavailable.Should().BeFalse();
        error.Message.Should().Contain($"refused client '{sandbox.ClientId}' with HTTP 400 invalid_client")
            .And.NotContain("unavailable").And.NotContain("wrong-secret-value");
    }

    [Fact]
    public async Task Five_hundreds_are_retried_up_to_the_bound()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        using var http = new HttpClient();
        sandbox.TokenEndpointDown = true;

        var act = () => ClientFor(sandbox, http, o => o.MaxRetries = 3).RequestTokenAsync(OAuth2TokenRequest.ClientCredentials());

        var error = (await act.Should().ThrowAsync<OAuth2Exception>()).Which;
        error.Error.Should().Be(OAuth2ErrorCodes.TokenEndpointUnavailable);
        error.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        error.Message.Should().Contain("4 attempt(s)").And.Contain("is unavailable: HTTP 503").And.NotContain("refused");
        error.IsUnavailable.Should().BeTrue();
        sandbox.TokenRequests.Should().Be(4);
    }

    [Fact]
    public async Task A_transient_5xx_then_success_returns_the_token()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        using var http = new HttpClient();
        sandbox.FailNextTokenRequests(1);

        var token = await ClientFor(sandbox, http).RequestTokenAsync(OAuth2TokenRequest.ClientCredentials());

        token.AccessToken.Should().NotBeEmpty();
        sandbox.TokenRequests.Should().Be(2);
    }

    [Fact]
    public async Task Transport_failures_are_retried_then_reported()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now: connection refused
        using var http = new HttpClient();
        var client = new OAuth2TokenClient(http, new OAuth2TokenClientOptions
        {
            TokenEndpoint = new Uri($"http://127.0.0.1:{port}/token"),
            ClientId = "c",
            ClientSecret = "s",
            MaxRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(1),
        });

        var act = () => client.RequestTokenAsync(OAuth2TokenRequest.ClientCredentials());

        var error = (await act.Should().ThrowAsync<OAuth2Exception>()).Which;
        error.Error.Should().Be(OAuth2ErrorCodes.TokenEndpointUnavailable);
        error.StatusCode.Should().BeNull();
        error.Message.Should().Contain("3 attempt(s)").And.Contain("is unavailable").And.NotContain("refused");
        error.IsUnavailable.Should().BeTrue();
        error.InnerException.Should().BeOfType<HttpRequestException>();
    }

    [Fact]
    public async Task A_slow_endpoint_honours_cancellation()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        using var http = new HttpClient();
        sandbox.TokenEndpointDelay = TimeSpan.FromSeconds(30);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var act = () => ClientFor(sandbox, http).RequestTokenAsync(OAuth2TokenRequest.ClientCredentials(), cts.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Theory]
    [InlineData("<html>login</html>", "text/html", "not JSON")]
    [InlineData("{\"token_type\":\"Bearer\",\"expires_in\":60}", "application/json", "no access_token")]
    [InlineData("{\"access_token\":\"a\",\"token_type\":\"Bearer\"}", "application/json", "no expires_in")]
    [InlineData("{\"access_token\":\"a\",\"expires_in\":\"soon\"}", "application/json", "expires_in")]
    [InlineData("[1,2]", "application/json", "not a JSON object")]
    public async Task Unusable_success_responses_are_clear_errors(string body, string contentType, string reason)
    {
        await using var server = await SandboxHost.StartAsync(app => app.MapPost("/token", () => Results.Text(body, contentType)));
        using var http = new HttpClient();
        var client = new OAuth2TokenClient(http, new OAuth2TokenClientOptions { TokenEndpoint = new Uri(server.BaseUri, "token"), ClientId = "c", ClientSecret = "s" });

        var act = () => client.RequestTokenAsync(OAuth2TokenRequest.ClientCredentials());

        var error = (await act.Should().ThrowAsync<OAuth2Exception>()).Which;
        error.Error.Should().Be(OAuth2ErrorCodes.InvalidTokenResponse);
        error.Message.Should().Contain(reason);
    }

    [Fact]
    public async Task A_default_lifetime_accepts_a_response_without_expires_in()
    {
        await using var server = await SandboxHost.StartAsync(app => app.MapPost("/token", () => Results.Text("{\"access_token\":\"abc\",\"token_type\":\"bearer\"}", "application/json")));
        using var http = new HttpClient();
        var client = new OAuth2TokenClient(http, new OAuth2TokenClientOptions
        {
            TokenEndpoint = new Uri(server.BaseUri, "token"),
            ClientId = "c",
            DefaultTokenLifetime = TimeSpan.FromMinutes(10),
        });

        var token = await client.RequestTokenAsync(OAuth2TokenRequest.ClientCredentials());

        token.ExpiresIn.Should().Be(TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task Json_requests_carry_the_grant_and_client_fields()
    {
        string? seenBody = null;
        string? seenType = null;
        await using var server = await SandboxHost.StartAsync(app => app.MapPost("/token", async (HttpRequest request) =>
        {
            seenType = request.ContentType;
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            seenBody = await reader.ReadToEndAsync();
            return Results.Text("{\"access_token\":\"abc\",\"expires_in\":60,\"refresh_token\":\"r1\"}", "application/json");
        }));
        using var http = new HttpClient();
        var client = new OAuth2TokenClient(http, new OAuth2TokenClientOptions
        {
            TokenEndpoint = new Uri(server.BaseUri, "token"),
            ClientId = "c",
            ClientSecret = "s",
            RequestFormat = OAuth2RequestFormat.Json,
        });

        var token = await client.RequestTokenAsync(OAuth2TokenRequest.ResourceOwnerPassword("user@x.test", "pw", "read"));

        seenType.Should().StartWith("application/json");
        seenBody.Should().Be("{\"grant_type\":\"password\",\"username\":\"user@x.test\",\"password\":\"pw\",\"scope\":\"read\",\"client_id\":\"c\",\"client_secret\":\"s\"}");
        token.RefreshToken.Should().Be("r1");
        OAuth2TokenRequest.ResourceOwnerPassword("user@x.test", "pw").ToString().Should().NotContain("pw");
    }
}

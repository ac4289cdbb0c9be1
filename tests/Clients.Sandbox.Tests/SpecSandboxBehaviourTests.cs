using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Clients.Sandbox.Hosting;
using Clients.Sandbox.Specs;

namespace Clients.Sandbox.Tests;

/// <summary>Drift, faults, latency and the optional OAuth2 token endpoint of the document-driven emulator.</summary>
public sealed class SpecSandboxBehaviourTests
{
    [Theory]
    [InlineData(204)]
    [InlineData(205)]
    public async Task A_success_status_without_a_body_is_answered_without_one_and_the_connection_stays_open(int status)
    {
        // Swagger 2.0 documents upgraded with a global `produces` give every response a media type, even GitHub's
        // `205 Reset Content`: a body written after such a status made Kestrel fail the request and close the
        // connection, and a client's next request with a body on it ended prematurely.
        var document = System.Text.Encoding.UTF8.GetBytes("""
            {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
              "/threads/{id}":{"patch":{"parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"integer"}}],
                "requestBody":{"content":{"application/json":{"schema":{"type":"object"}}}},
                "responses":{"STATUS":{"description":"marked as read","content":{"application/json":{}}}}}}}}
            """.Replace("STATUS", status.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await using var sandbox = await SpecSandbox.StartAsync(document, new SpecSandboxOptions { Name = "threads.json" });
        var connections = 0;
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = sandbox.BaseAddress };

        for (var i = 0; i < 3; i++)
        {
            using var response = await http.PatchAsync("threads/" + i, JsonContent.Create(new { read = true }));
            ((int)response.StatusCode).Should().Be(status);
            (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        }

        connections.Should().Be(1, "the server keeps the connection for the next request");
        sandbox.Emulator.Calls.Select(c => c.Status).Should().Equal(status, status, status);
    }

    [Fact]
    public async Task Drift_mode_changes_answers_beyond_the_document_and_can_be_switched_while_running()
    {
        await using var sandbox = await PetsDocument.StartAsync(new SpecSandboxOptions { Drift = SandboxDriftMode.ExtraProperties | SandboxDriftMode.UnknownEnumValues });

        var drifted = JsonDocument.Parse((await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "pets/1")).Body).RootElement;
        sandbox.Emulator.Drift = SandboxDriftMode.None;
        var exact = JsonDocument.Parse((await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "pets/1")).Body).RootElement;

        drifted.GetProperty(SandboxDrift.ExtraPropertyName).ValueKind.Should().Be(JsonValueKind.Object);
        drifted.GetProperty("status").GetString().Should().Be(SandboxDrift.UnknownStringValue);
        exact.TryGetProperty(SandboxDrift.ExtraPropertyName, out _).Should().BeFalse();
        exact.GetProperty("status").GetString().Should().Be("available");
    }

    [Fact]
    public async Task Faults_on_demand_answer_503_429_and_reset_then_the_emulator_answers_again()
    {
        await using var sandbox = await PetsDocument.StartAsync();
        using var http = new HttpClient();
        var url = new Uri(sandbox.BaseAddress, "pets/1");

        sandbox.Emulator.Faults.FailNext(503);
        ((int)(await http.GetAsync(url)).StatusCode).Should().Be(503);
        sandbox.Emulator.Faults.FailNext(429);
        var throttled = await http.GetAsync(url);
        ((int)throttled.StatusCode).Should().Be(429);
        throttled.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
        sandbox.Emulator.Faults.FailNext(0);
        await FluentActions.Awaiting(() => http.GetAsync(url)).Should().ThrowAsync<HttpRequestException>();
        ((int)(await http.GetAsync(url)).StatusCode).Should().Be(200);

        (sandbox.Emulator.Faults.ServiceUnavailable, sandbox.Emulator.Faults.TooManyRequests, sandbox.Emulator.Faults.Resets).Should().Be((1L, 1L, 1L));
    }

    [Fact]
    public async Task Latency_delays_every_answer()
    {
        await using var sandbox = await PetsDocument.StartAsync(new SpecSandboxOptions { Latency = TimeSpan.FromMilliseconds(300) });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        (await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "pets/1")).Status.Should().Be(200);

        watch.Elapsed.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
    }

    [Fact]
    public async Task With_a_client_the_token_endpoint_issues_client_credentials_tokens_and_every_operation_requires_one()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var sandbox = await PetsDocument.StartAsync(new SpecSandboxOptions { ClientId = "app", ClientSecret = "s3cret", TimeProvider = clock, TokenLifetime = TimeSpan.FromMinutes(5) });
        using var http = new HttpClient();
        var url = new Uri(sandbox.BaseAddress, "pets/1");

        var anonymous = await http.GetAsync(url);
        var wrongSecret = await http.PostAsync(sandbox.TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "app", ["client_secret"] = "nope" }));
        var tokenResponse = await http.PostAsync(sandbox.TokenUrl, new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "app", ["client_secret"] = "s3cret" }));
        var issued = await tokenResponse.Content.ReadFromJsonAsync<JsonElement>();
        var token = issued.GetProperty("access_token").GetString();
        using var authorized = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        var withToken = await http.SendAsync(authorized);
        clock.Advance(TimeSpan.FromMinutes(6));
        using var late = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        var expired = await http.SendAsync(late);

        sandbox.TokenUrl!.AbsolutePath.Should().Be("/oauth/token");
        anonymous.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        anonymous.Headers.WwwAuthenticate.ToString().Should().StartWith("Bearer");
        wrongSecret.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        issued.GetProperty("expires_in").GetInt64().Should().Be(300);
        withToken.StatusCode.Should().Be(HttpStatusCode.OK);
        expired.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Without_a_client_there_is_no_token_endpoint_and_no_token_is_required()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        sandbox.TokenUrl.Should().BeNull();
        sandbox.Emulator.RequiresToken.Should().BeFalse();
        (await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "pets/1")).Status.Should().Be(200);
    }
}

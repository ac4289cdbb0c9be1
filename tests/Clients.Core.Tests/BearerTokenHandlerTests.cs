using System.Net;
using System.Text;
using Clients.Core.OAuth2;
using Clients.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Clients.Core.Tests;

public sealed class BearerTokenHandlerTests
{
    private sealed class StubTokens : IAccessTokenProvider
    {
        private int _version = 1;

        public int Renewals { get; private set; }

        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) =>
            new(new AccessToken("t" + _version, "Bearer", DateTimeOffset.MaxValue, null));

        public ValueTask<AccessToken> RenewTokenAsync(AccessToken rejected, CancellationToken cancellationToken)
        {
            Renewals++;
            _version++;
            return GetTokenAsync(cancellationToken);
        }
    }

    [Fact]
    public async Task A_401_resends_a_fresh_copy_of_a_streamed_body_with_the_new_token()
    {
        var seen = new List<(string? Authorization, string Body, string? Custom, string? ContentType)>();
        await using var server = await SandboxHost.StartAsync(app => app.MapPost("/echo", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            seen.Add((request.Headers.Authorization, body, request.Headers["X-Custom"], request.ContentType));
            return request.Headers.Authorization == "Bearer t1" ? Results.StatusCode(401) : Results.Text(body);
        }));
        var tokens = new StubTokens();
        using var http = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = new SocketsHttpHandler() });
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseUri, "echo"))
        {
            // A non-rewindable stream: a naive resend would send an empty body.
            Content = new StreamContent(new OneShotStream(Encoding.UTF8.GetBytes("{\"a\":1}"))),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Custom", "kept");

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("{\"a\":1}");
        tokens.Renewals.Should().Be(1);
        seen.Should().HaveCount(2);
        seen[0].Should().Be(("Bearer t1", "{\"a\":1}", "kept", "application/json"));
        seen[1].Should().Be(("Bearer t2", "{\"a\":1}", "kept", "application/json"));

        // Both messages sent hold the token no longer: the one that escapes with the response is the resent copy.
        request.Headers.Authorization!.ToString().Should().Be("Bearer [redacted]");
        response.RequestMessage.Should().NotBeSameAs(request);
        response.RequestMessage!.Headers.Authorization!.ToString().Should().Be("Bearer [redacted]");
        response.RequestMessage.Content!.Headers.ContentLength.Should().Be(7, "the copy's length is its own bytes'");
    }

    [Fact]
    public async Task A_request_sent_again_carries_one_Authorization_header_with_the_current_token()
    {
        await using var server = await SandboxHost.StartAsync(app => app.MapGet("/who", (HttpRequest request) =>
            Results.Text(string.Join(" | ", request.Headers.Authorization.ToArray()))));
        var tokens = new StubTokens();
        using var invoker = new HttpMessageInvoker(new BearerTokenHandler(tokens) { InnerHandler = new SocketsHttpHandler() });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(server.BaseUri, "who"));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer set-by-the-caller");

        // The same message twice, as an outer retry sends it, with a renewal in between.
        using var first = await invoker.SendAsync(request, CancellationToken.None);
        var firstSeen = await first.Content.ReadAsStringAsync();
        await tokens.RenewTokenAsync(await tokens.GetTokenAsync(CancellationToken.None), CancellationToken.None);
        using var second = await invoker.SendAsync(request, CancellationToken.None);
        var secondSeen = await second.Content.ReadAsStringAsync();

        firstSeen.Should().Be("Bearer t1");
        secondSeen.Should().Be("Bearer t2");
        request.Headers.Authorization!.Scheme.Should().Be("Bearer");
        request.Headers.Authorization.Parameter.Should().Be("[redacted]", "once sent, the message that may escape in an exception no longer holds the token");
    }

    [Fact]
    public async Task A_second_401_is_returned_without_a_third_attempt()
    {
        var attempts = 0;
        await using var server = await SandboxHost.StartAsync(app => app.MapGet("/x", () =>
        {
            Interlocked.Increment(ref attempts);
            return Results.StatusCode(401);
        }));
        var tokens = new StubTokens();
        using var http = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = new SocketsHttpHandler() });

        using var response = await http.GetAsync(new Uri(server.BaseUri, "x"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        attempts.Should().Be(2);
        tokens.Renewals.Should().Be(1);
    }

    private sealed class OneShotStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;

        public override long Position
        {
            get => base.Position;
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}

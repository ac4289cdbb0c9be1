using System.Net;
using Clients.Sandbox.Ovh;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Ovh.Tests.EndToEnd;

/// <summary>A consumer's retry handler stays outside the signing handler, so every attempt is signed afresh.</summary>
public sealed class OvhResilienceEndToEndTests
{
    [Fact]
    public async Task An_outer_retry_after_a_503_is_re_signed_and_succeeds()
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());
        var retry = new RetryOnceHandlerState();
        var collection = new ServiceCollection();
        collection.AddLogging();
        OvhClientRegistration.Registration.Add(collection, o =>
            {
                o.BaseUrl = sandbox.BaseUri;
                o.ApplicationKey = sandbox.ApplicationKey;
                o.ApplicationSecret = sandbox.ApplicationSecret;
                o.ConsumerKey = sandbox.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")]);
            })
            .ConfigureHttpClients(b => b.AddHttpMessageHandler(() => new RetryOnceHandler(retry)))
            .AddClient<ISandboxMeApi>();
        await using var services = collection.BuildServiceProvider();
        sandbox.InjectFaults(503, 1, "/me");

        var me = await services.GetRequiredService<ISandboxMeApi>().GetMeAsync();

        me.Nichandle.Should().Be(sandbox.DefaultCustomer.Nichandle);
        retry.Attempts.Should().Be(2);
        retry.SignatureBeforeFirstSend.Should().BeNull("the signing handler is inside the consumer's retry handler");
        retry.SignaturesAfterSend.Should().HaveCount(2).And.OnlyContain(
            s => s == "[redacted]", "each attempt was signed (the sandbox checks every signature and answered the second); once sent, the signature is withheld from the message");
        sandbox.GetRequestCount("/1.0/me").Should().Be(2);
    }

    private sealed class RetryOnceHandlerState
    {
        public int Attempts;
        public string? SignatureBeforeFirstSend = "unset";
        public List<string?> SignaturesAfterSend { get; } = new();
    }

    private sealed class RetryOnceHandler(RetryOnceHandlerState state) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                state.Attempts = attempt;
                if (attempt == 1)
                {
                    state.SignatureBeforeFirstSend = Signature(request);
                }

                var response = await base.SendAsync(request, cancellationToken);
                state.SignaturesAfterSend.Add(Signature(response.RequestMessage ?? request));
                if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 2)
                {
                    return response;
                }

                response.Dispose();
            }
        }

        private static string? Signature(HttpRequestMessage request) =>
            request.Headers.TryGetValues(OvhHeaders.Signature, out var values) ? values.First() : null;
    }
}

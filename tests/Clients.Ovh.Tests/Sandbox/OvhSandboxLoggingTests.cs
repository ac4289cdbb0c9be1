using Clients.Sandbox.Ovh;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Clients.Ovh.Tests.Sandbox;

public sealed class OvhSandboxLoggingTests
{
    [Fact]
    public async Task Rejections_AreLoggedWithTheSignedUrl_AndWithoutSecrets()
    {
        var collector = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(collector)));
        await using var ovh = await OvhSandbox.StartAsync(new OvhSandboxOptions { LoggerFactory = loggerFactory, Universes = ["/me"] });
        using var http = new HttpClient();
        var key = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")]);
        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);

        using var bad = await signer.SendAsync(HttpMethod.Get, ovh.BaseUri + "/me?x=1", key, signatureOverride: "$1$0");
        using var denied = await signer.SendAsync(HttpMethod.Get, ovh.BaseUri + "/me/bill", key);

        var messages = collector.GetSnapshot().Select(static r => r.Message).ToList();
        messages.Should().Contain(m => m.Contains("INVALID_SIGNATURE") && m.Contains("URL '" + ovh.BaseUri + "/me?x=1'"));
        messages.Should().Contain(m => m.Contains("NOT_GRANTED_CALL") && m.Contains("GET /me/bill"));
        messages.Should().NotContain(m => m.Contains(key) || m.Contains(ovh.ApplicationSecret));
    }
}

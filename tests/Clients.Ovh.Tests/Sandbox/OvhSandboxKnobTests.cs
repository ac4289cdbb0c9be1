using System.Globalization;
using System.Net;
using Clients.Sandbox.Ovh;
using Microsoft.Extensions.Time.Testing;

namespace Clients.Ovh.Tests.Sandbox;

public sealed class OvhSandboxKnobTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);
    private readonly HttpClient http = new();
    private OvhSandbox ovh = null!;

    private string Base => ovh.BaseUri.ToString();

    private OvhTestSigner Signer => new(http, ovh.ApplicationKey, ovh.ApplicationSecret);

    public async Task InitializeAsync() =>
        ovh = await OvhSandbox.StartAsync(new OvhSandboxOptions { TimeProvider = time, ClockSkew = TimeSpan.FromSeconds(300), Universes = ["/me"] });

    public async Task DisposeAsync()
    {
        http.Dispose();
        await ovh.DisposeAsync();
    }

    [Fact]
    public async Task ServerTime_IsTheTimeProviderPlusTheSkew_AndTheSkewCanChange()
    {
        (await ServerTimeAsync()).Should().Be(Start.ToUnixTimeSeconds() + 300);
        ovh.ClockSkew = TimeSpan.FromHours(-1);
        (await ServerTimeAsync()).Should().Be(Start.ToUnixTimeSeconds() - 3600);
        time.Advance(TimeSpan.FromSeconds(10));
        (await ServerTimeAsync()).Should().Be(Start.ToUnixTimeSeconds() - 3590);
        ovh.ServerTime.Should().Be(Start.AddSeconds(10 - 3600));
    }

    [Fact]
    public async Task LocalTimestamp_IsRejected_WhenTheServerIsSkewed_ServerTimestampIsAccepted()
    {
        var key = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")]);
        using var local = await Signer.SendAsync(HttpMethod.Get, Base + "/me", key, timestamp: Start.ToUnixTimeSeconds());
        (await OvhErrorBody.ReadAsync(local)).ErrorCode.Should().Be("QUERY_TIME_OUT");
        using var server = await Signer.SendAsync(HttpMethod.Get, Base + "/me", key, timestamp: Start.ToUnixTimeSeconds() + 300);
        server.StatusCode.Should().Be(HttpStatusCode.OK);
        using var edge = await Signer.SendAsync(HttpMethod.Get, Base + "/me", key, timestamp: Start.ToUnixTimeSeconds() + 300 - 60);
        edge.StatusCode.Should().Be(HttpStatusCode.OK, "the tolerance is 60 s inclusive");
    }

    [Fact]
    public async Task ForcedQueryTimeOut_HitsOnlyTheNextRequest()
    {
        var key = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")]);
        ovh.ForceQueryTimeOut();
        using var first = await Signer.SendAsync(HttpMethod.Get, Base + "/me", key);
        (await OvhErrorBody.ReadAsync(first)).ErrorCode.Should().Be("QUERY_TIME_OUT");
        using var second = await Signer.SendAsync(HttpMethod.Get, Base + "/me", key);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task InjectedFaults_AnswerTheGivenStatus_ThenStop(int status)
    {
        var key = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")]);
        ovh.InjectFaults(status, count: 2, pathContains: "/me");
        for (var i = 0; i < 2; i++)
        {
            using var faulted = await Signer.SendAsync(HttpMethod.Get, Base + "/me", key);
            ((int)faulted.StatusCode).Should().Be(status);
            faulted.Headers.Contains("X-Ovh-Queryid").Should().BeTrue();
            if (status == 429)
            {
                faulted.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(1));
            }
        }

        using var ok = await Signer.SendAsync(HttpMethod.Get, Base + "/me", key);
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Counters_CountTimeRequestsPathsAndKeepTheLastHeaders()
    {
        var key = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")]);
        ovh.ResetCounters();
        using var response = await Signer.SendAsync(HttpMethod.Get, Base + "/me", key);
        ovh.TimeRequestCount.Should().Be(1, "the test signer asked /auth/time once");
        ovh.GetRequestCount("/1.0/me").Should().Be(1);
        ovh.GetRequestCount("/1.0/auth/time").Should().Be(1);
        ovh.RequestCount.Should().Be(2);
        ovh.LastRequestHeaders["x-ovh-application"].Should().Be(ovh.ApplicationKey);
        ovh.LastRequestHeaders["X-Ovh-Consumer"].Should().Be(key);
        ovh.LastRequest!.RawTarget.Should().Be("/1.0/me");
        ovh.LastRequest.Method.Should().Be("GET");
        ovh.LastRequest.Body.Length.Should().Be(0);
    }

    [Fact]
    public async Task LastRequest_KeepsTheRawTargetAndBodyBytes()
    {
        var key = ovh.CreateConsumerKey([new OvhSandboxAccessRule("PUT", "/me")]);
        using var response = await Signer.SendAsync(HttpMethod.Put, Base + "/me?x=%2F", key, "{\"firstname\":\"Zoé\"}");
        ovh.LastRequest!.RawTarget.Should().Be("/1.0/me?x=%2F");
        System.Text.Encoding.UTF8.GetString(ovh.LastRequest.Body.Span).Should().Be("{\"firstname\":\"Zoé\"}");
        ovh.LastRequest.ToString().Should().NotContain(key);
    }

    [Fact]
    public async Task Latency_DelaysButStillAnswers()
    {
        ovh.Latency = TimeSpan.FromMilliseconds(20);
        (await ServerTimeAsync()).Should().BePositive();
        ovh.Latency = TimeSpan.Zero;
    }

    [Fact]
    public async Task UnknownUniverse_OrMissingDirectory_FailsClearly()
    {
        var unknown = () => OvhSandbox.StartAsync(new OvhSandboxOptions { Universes = ["/nope"] });
        (await unknown.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("/nope").And.Contain("/me").And.Contain("/v2/iam");
        var missing = () => OvhSandbox.StartAsync(new OvhSandboxOptions { SpecDirectory = Path.Combine(Path.GetTempPath(), "no-such-ovh-specs") });
        await missing.Should().ThrowAsync<DirectoryNotFoundException>();
    }

    [Fact]
    public void ToString_ShowsNoSecret()
    {
        ovh.ToString().Should().NotContain(ovh.ApplicationSecret);
        ovh.Application.ToString().Should().NotContain(ovh.ApplicationSecret);
        ovh.DefaultCustomer.ToString().Should().NotContain(ovh.DefaultCustomer.Password);
    }

    private async Task<long> ServerTimeAsync() =>
        long.Parse(await http.GetStringAsync(Base + "/auth/time"), CultureInfo.InvariantCulture);
}

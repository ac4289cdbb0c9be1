using Clients.Ovh.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Ovh.Tests;

/// <summary>OAuth2 service accounts (client credentials, scope=all) instead of AK/AS/CK, over loopback HTTP.</summary>
public sealed class OvhServiceAccountTests : IAsyncLifetime
{
    private OvhStubServer _stub = null!;

    public async Task InitializeAsync() => _stub = await OvhStubServer.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private ServiceProvider Services() => OvhTestServices.Build(_stub.BaseUri, o =>
    {
        o.ApplicationKey = null;
        o.ApplicationSecret = null;
        o.ConsumerKey = null;
        o.ClientId = OvhStubServer.ServiceAccountId;
        o.ClientSecret = OvhStubServer.ServiceAccountSecret;
        o.TokenUrl = new Uri(_stub.HostUri, "/auth/oauth2/token");
    });

    [Fact]
    public async Task Concurrent_calls_share_one_token_and_send_no_signature_headers()
    {
        await using var sp = Services();
        var api = sp.GetRequiredService<IStubOvhApi>();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => api.GetMeAsync()));

        answers.Should().OnlyContain(a => a.Bearer == "tok-1" && !a.Signed);
        _stub.TokenRequests.Should().Be(1);
        _stub.TimeRequests.Should().Be(0, "bearer calls need no server time");
        _stub.Requests.Last(r => r.RawTarget == "/1.0/me").Headers.Keys.Should().NotContain([OvhHeaders.Application, OvhHeaders.Signature]);
        (await api.GetPoliciesAsync()).Path.Should().Be("/v2/iam/policy");
    }

    [Fact]
    public async Task A_401_renews_the_token_once_and_resends_the_body()
    {
        await using var sp = Services();
        var api = sp.GetRequiredService<IStubOvhApi>();
        await api.GetMeAsync();
        _stub.RejectedTokens["tok-1"] = true;

        var answer = await api.PutDomainAsync("example.com", new DomainUpdate("after renewal", 60));

        answer.Bearer.Should().Be("tok-2");
        _stub.TokenRequests.Should().Be(2);
        var puts = _stub.Requests.Where(r => r.RawTarget == "/1.0/domain/example.com").ToList();
        puts.Should().HaveCount(2);
        puts[1].Body.Should().Equal(puts[0].Body).And.NotBeEmpty();
    }
}

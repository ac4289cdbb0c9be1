using System.Net;
using System.Text;
using Clients.Ovh.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace Clients.Ovh.Tests;

/// <summary>The signing handler over real HTTP to a loopback stub that verifies signatures over the raw request target.</summary>
public sealed class OvhSigningHandlerTests : IAsyncLifetime
{
    private OvhStubServer _stub = null!;

    public async Task InitializeAsync() => _stub = await OvhStubServer.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    private StubRequest Last(string pathEnd) => _stub.Requests.Last(r => r.RawTarget.Contains(pathEnd, StringComparison.Ordinal));

    [Fact]
    public async Task Signed_get_carries_the_four_headers_and_verifies()
    {
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        var answer = await sp.GetRequiredService<IStubOvhApi>().GetMeAsync();

        answer.Should().Be(new StubAnswer(true, "/1.0/me", OvhTestServices.DefaultConsumerKey));
        var request = Last("/1.0/me");
        request.Headers[OvhHeaders.Application].Should().Be(OvhStubServer.ApplicationKey);
        request.Headers[OvhHeaders.Consumer].Should().Be(OvhTestServices.DefaultConsumerKey);
        request.Headers[OvhHeaders.Signature].Should().MatchRegex("^\\$1\\$[0-9a-f]{40}$");
        long.Parse(request.Headers[OvhHeaders.Timestamp]).Should().BeCloseTo(_stub.ServerNow, 5);
    }

    [Fact]
    public async Task Encoded_path_is_signed_exactly_as_sent()
    {
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        var answer = await sp.GetRequiredService<IStubOvhApi>().GetReverseAsync("1.2.3.4/29");

        answer.Signed.Should().BeTrue();
        Last("/reverse").RawTarget.Should().Be("/1.0/ip/1.2.3.4%2F29/reverse");
    }

    [Fact]
    public async Task Query_string_is_signed_exactly_as_sent()
    {
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        var answer = await sp.GetRequiredService<IStubOvhApi>().GetRecordsAsync("example.com", "A", "www dev/é");

        answer.Signed.Should().BeTrue();
        Last("/record").RawTarget.Should().StartWith("/1.0/domain/zone/example.com/record?fieldType=A&subDomain=www");
    }

    [Fact]
    public async Task Put_with_a_json_body_signs_the_bytes_sent()
    {
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        var answer = await sp.GetRequiredService<IStubOvhApi>().PutDomainAsync("example.com", new DomainUpdate("héllo", 3600));

        answer.Signed.Should().BeTrue();
        var request = Last("/1.0/domain/example.com");
        request.Method.Should().Be("PUT");
        // The providers' JSON options do no HTML escaping: "é" goes out as its two UTF-8 bytes, and those bytes are signed.
        Encoding.UTF8.GetString(request.Body).Should().Be("""{"comment":"héllo","ttl":3600}""");
        request.Headers["Content-Length"].Should().Be(request.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Post_without_body_and_delete_verify()
    {
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        var api = sp.GetRequiredService<IStubOvhApi>();

        (await api.PostEmptyAsync("example.com")).Signed.Should().BeTrue();
        (await api.DeleteRecordAsync("example.com", 42)).Signed.Should().BeTrue();
        Last("/refresh").Body.Should().BeEmpty();
        Last("/record/42").Method.Should().Be("DELETE");
    }

    [Fact]
    public async Task Large_body_is_signed_and_sent_identically()
    {
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        var comment = new string('x', 70_000);
        (await sp.GetRequiredService<IStubOvhApi>().PutDomainAsync("big.example", new DomainUpdate(comment, 1))).Signed.Should().BeTrue();
        Last("/domain/big.example").Body.Length.Should().BeGreaterThan(70_000);
    }

    [Fact]
    public async Task V2_paths_go_to_the_host_root_and_v1_paths_too()
    {
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        var api = sp.GetRequiredService<IStubOvhApi>();

        (await api.GetPoliciesAsync()).Should().Be(new StubAnswer(true, "/v2/iam/policy", OvhTestServices.DefaultConsumerKey));
        (await api.GetMeV1Async()).Should().Be(new StubAnswer(true, "/v1/me", OvhTestServices.DefaultConsumerKey));
    }

    [Fact]
    public async Task Auth_time_and_credential_are_sent_with_the_application_key_only()
    {
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        var client = sp.GetRequiredService<OvhCredentialClient>();

        var time = await client.GetServerTimeAsync();
        time.Should().BeCloseTo(_stub.ServerNow, 5);
        var request = Last("/auth/time");
        request.Headers.Should().ContainKey(OvhHeaders.Application);
        request.Headers.Keys.Should().NotContain([OvhHeaders.Consumer, OvhHeaders.Timestamp, OvhHeaders.Signature]);

        var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(Core.ClientProviderBuilder.ClientName(typeof(IOvhCredentialApi)));
        http.BaseAddress.Should().Be(_stub.BaseUri);
    }

    [Fact]
    public async Task Any_call_can_opt_out_of_signing_with_a_request_option()
    {
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        var answer = await sp.GetRequiredService<IStubOvhApi>().GetMeUnsignedAsync();

        answer.Signed.Should().BeFalse();
        Last("/1.0/me").Headers.Keys.Should().Contain(OvhHeaders.Application).And.NotContain([OvhHeaders.Consumer, OvhHeaders.Signature, OvhHeaders.Timestamp]);
        _stub.TimeRequests.Should().Be(0);
    }

    [Fact]
    public async Task Request_option_overrides_the_default_consumer_key()
    {
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        var answer = await sp.GetRequiredService<IStubOvhApi>().GetMeAsAsync("perRequestKey0000000000000000001");
        answer.ConsumerKey.Should().Be("perRequestKey0000000000000000001");
    }

    [Fact]
    public async Task Scopes_choose_the_consumer_key_and_customers_never_cross()
    {
        var keys = new Dictionary<string, string>
        {
            ["alice"] = "aliceKey000000000000000000000001",
            ["bob"] = "bobKey00000000000000000000000002",
        };
        await using var sp = OvhTestServices.Build(
            _stub.BaseUri,
            services: s => s.AddScoped<IOvhConsumerKeyProvider>(_ => new DictionaryKeyProvider(keys)));
        var api = sp.GetRequiredService<IStubOvhApi>();

        var calls = Enumerable.Range(0, 200).Select(async i =>
        {
            var customer = i % 2 == 0 ? "alice" : "bob";
            using (OvhConsumerKey.UseCustomer(customer))
            {
                await Task.Yield();
                var answer = await api.GetMeAsync();
                return (customer, answer.ConsumerKey);
            }
        });
        foreach (var (customer, key) in await Task.WhenAll(calls))
        {
            key.Should().Be(keys[customer]);
        }

        using (OvhConsumerKey.Use("explicitKey000000000000000000003"))
        {
            (await api.GetMeAsync()).ConsumerKey.Should().Be("explicitKey000000000000000000003");
        }

        var unnamed = () => api.GetMeAsync();
        (await unnamed.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("No OVH consumer key for GET /1.0/me");
    }

    [Fact]
    public async Task Unknown_customer_with_the_default_provider_fails_clearly_instead_of_using_the_default_key()
    {
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        using (OvhConsumerKey.UseCustomer("carol"))
        {
            var act = () => sp.GetRequiredService<IStubOvhApi>().GetMeAsync();
            (await act.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("customer 'carol'");
        }
    }

    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    [InlineData(3600)]
    [InlineData(-3600)]
    public async Task Clock_skew_is_absorbed(int skewSeconds)
    {
        _stub.Skew = TimeSpan.FromSeconds(skewSeconds);
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        (await sp.GetRequiredService<IStubOvhApi>().GetMeAsync()).Signed.Should().BeTrue();
        _stub.TimeRequests.Should().Be(1);
    }

    [Fact]
    public async Task A_thousand_concurrent_first_calls_make_one_time_request()
    {
        _stub.TimeLatency = TimeSpan.FromMilliseconds(200);
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        var api = sp.GetRequiredService<IStubOvhApi>();

        var answers = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => api.GetMeAsync()));

        answers.Should().OnlyContain(a => a.Signed);
        _stub.TimeRequests.Should().Be(1);
    }

    [Fact]
    public async Task A_rejected_timestamp_resyncs_once_and_the_request_succeeds()
    {
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        var api = sp.GetRequiredService<IStubOvhApi>();
        await api.GetMeAsync();
        _stub.Skew = TimeSpan.FromHours(1);
        var before = _stub.Requests.Count(r => r.RawTarget == "/1.0/domain/example.com");

        var answer = await api.PutDomainAsync("example.com", new DomainUpdate("again", 60));

        answer.Signed.Should().BeTrue();
        _stub.TimeRequests.Should().Be(2);
        var puts = _stub.Requests.Where(r => r.RawTarget == "/1.0/domain/example.com").Skip(before).ToList();
        puts.Should().HaveCount(2);
        puts[1].Body.Should().Equal(puts[0].Body);
        puts[1].Headers[OvhHeaders.Signature].Should().NotBe(puts[0].Headers[OvhHeaders.Signature]);
    }

    [Fact]
    public async Task A_persistent_timestamp_rejection_is_retried_only_once_and_surfaces_typed()
    {
        await using var sp = OvhTestServices.Build(_stub.BaseUri, o => o.ApplicationSecret = "wrongSecret");
        var act = () => sp.GetRequiredService<IStubOvhApi>().GetMeAsync();
        var error = (await act.Should().ThrowAsync<OvhApiException>()).Which;
        error.ErrorCode.Should().Be(OvhErrorCode.InvalidSignature);
        error.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.QueryId.Should().StartWith("STUB.query.");
        error.HttpCode.Should().Be("400 Bad Request");
        error.Message.Should().Contain("INVALID_SIGNATURE").And.Contain("/1.0/me").And.Contain(error.QueryId!);
        _stub.TimeRequests.Should().Be(1, "an invalid signature is not a timestamp problem");
    }

    [Fact]
    public async Task A_failed_time_request_fails_the_call_clearly_and_is_not_cached()
    {
        _stub.FailTimeRequests(1);
        await using var sp = OvhTestServices.Build(_stub.BaseUri);
        var api = sp.GetRequiredService<IStubOvhApi>();

        var first = () => api.GetMeAsync();
        (await first.Should().ThrowAsync<Exception>()).Which.ToString().Should().Contain("Could not read the OVH server time").And.Contain("503");

        (await api.GetMeAsync()).Signed.Should().BeTrue();
        _stub.TimeRequests.Should().Be(2);
    }

    [Fact]
    public async Task Secrets_never_reach_logs_or_exception_messages()
    {
        const string secret = "topSecretApplicationSecret000001";
        await using var sp = OvhTestServices.Build(_stub.BaseUri, o => o.ApplicationSecret = secret);
        var api = sp.GetRequiredService<IStubOvhApi>();
        _stub.Skew = TimeSpan.FromSeconds(0);

        var error = (await ((Func<Task>)(() => api.GetMeAsync())).Should().ThrowAsync<OvhApiException>()).Which;

        var logs = sp.GetFakeLogCollector().GetSnapshot();
        logs.Should().NotBeEmpty();
        var everything = string.Join("\n", logs.Select(l => l.Message + l.Exception)) + error + error.Message
            + sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<OvhOptions>>().Value;
        everything.Should().NotContain(secret).And.NotContain(OvhTestServices.DefaultConsumerKey);
        error.RequestMessage.Headers.GetValues(OvhHeaders.Consumer).Should().Equal("[redacted]");
        error.RequestMessage.Headers.GetValues(OvhHeaders.Signature).Should().Equal("[redacted]");
    }

    private sealed class DictionaryKeyProvider(IReadOnlyDictionary<string, string> keys) : IOvhConsumerKeyProvider
    {
        public ValueTask<string?> GetConsumerKeyAsync(string? customerId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(customerId is not null && keys.TryGetValue(customerId, out var key) ? key : null);
    }
}

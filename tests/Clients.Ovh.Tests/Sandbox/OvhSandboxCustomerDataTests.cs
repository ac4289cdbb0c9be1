using System.Net;
using System.Text.Json;
using Clients.Sandbox.Ovh;

namespace Clients.Ovh.Tests.Sandbox;

/// <summary>What the marketplace sample relies on: a customer's own domains, revoking their keys, create answers that echo the body.</summary>
public sealed class OvhSandboxCustomerDataTests : IAsyncLifetime
{
    private static readonly OvhSandboxCustomer Alice = new("ab1111-ovh", "alice-password") { Domains = ["alice.fr", "alice.com"] };
    private static readonly OvhSandboxCustomer Bob = new("cd2222-ovh", "bob-password");
    private static readonly OvhSandboxAccessRule[] DomainRules = [new("GET", "/domain"), new("GET", "/domain/zone"), new("POST", "/domain/zone/*/record")];
    private readonly HttpClient http = new();
    private OvhSandbox ovh = null!;

    public async Task InitializeAsync()
    {
        var options = new OvhSandboxOptions { Universes = ["/domain"] };
        options.Customers.Add(Alice);
        options.Customers.Add(Bob);
        ovh = await OvhSandbox.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await ovh.DisposeAsync();
    }

    [Fact]
    public async Task A_customer_with_domains_sees_them_and_a_customer_without_gets_synthesized_names()
    {
        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);
        var alice = ovh.CreateConsumerKey(DomainRules, Alice);
        var bob = ovh.CreateConsumerKey(DomainRules, Bob);

        (await ReadStringsAsync(signer, "/domain", alice)).Should().Equal("alice.fr", "alice.com");
        (await ReadStringsAsync(signer, "/domain/zone", alice)).Should().Equal("alice.fr", "alice.com");
        (await ReadStringsAsync(signer, "/domain", bob)).Should().HaveCount(2).And.NotContain("alice.fr");
    }

    [Fact]
    public async Task Revoking_a_customers_keys_deletes_only_theirs()
    {
        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);
        var alice1 = ovh.CreateConsumerKey(DomainRules, Alice);
        var alice2 = ovh.CreateConsumerKey(DomainRules, Alice);
        var bob = ovh.CreateConsumerKey(DomainRules, Bob);
        ovh.GetIssuedConsumerKeys().Should().Contain([alice1, alice2, bob]);

        ovh.RevokeConsumerKeys(Alice).Should().Be(2);

        ovh.GetIssuedConsumerKeys().Should().Contain(bob).And.NotContain(alice1).And.NotContain(alice2);
        using var revoked = await signer.SendAsync(HttpMethod.Get, ovh.BaseUri + "/domain", alice1);
        revoked.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await revoked.Content.ReadAsStringAsync()).Should().Contain("NOT_CREDENTIAL");
        using var kept = await signer.SendAsync(HttpMethod.Get, ovh.BaseUri + "/domain", bob);
        kept.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_create_answers_with_the_fields_it_was_sent()
    {
        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);
        var key = ovh.CreateConsumerKey(DomainRules, Alice);

        using var created = await signer.SendAsync(
            HttpMethod.Post, ovh.BaseUri + "/domain/zone/alice.fr/record", key, """{"fieldType":"TXT","subDomain":"_check","target":"hello","ttl":600}""");

        created.StatusCode.Should().Be(HttpStatusCode.OK);
        using var record = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        record.RootElement.GetProperty("fieldType").GetString().Should().Be("TXT");
        record.RootElement.GetProperty("subDomain").GetString().Should().Be("_check");
        record.RootElement.GetProperty("target").GetString().Should().Be("hello");
        record.RootElement.GetProperty("ttl").GetInt64().Should().Be(600);
    }

    private async Task<List<string>> ReadStringsAsync(OvhTestSigner signer, string path, string consumerKey)
    {
        using var response = await signer.SendAsync(HttpMethod.Get, ovh.BaseUri + path, consumerKey);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. json.RootElement.EnumerateArray().Select(e => e.GetString()!)];
    }
}

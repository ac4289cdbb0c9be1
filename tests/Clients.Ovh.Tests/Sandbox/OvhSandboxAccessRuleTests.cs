using System.Net;
using Clients.Sandbox.Ovh;

namespace Clients.Ovh.Tests.Sandbox;

public sealed class OvhSandboxAccessRuleTests(OvhSandboxFixture fixture) : IClassFixture<OvhSandboxFixture>
{
    [Theory]
    [InlineData("/*", "/me", true)]
    [InlineData("/*", "/domain/zone/example.com/record/1", true)]
    [InlineData("/me", "/me", true)]
    [InlineData("/me", "/me/api", false)]
    [InlineData("/me/*", "/me", false)]
    [InlineData("/me/*", "/me/api/credential", true)]
    [InlineData("/me*", "/me", true)]
    [InlineData("/me*", "/me/bill", true)]
    [InlineData("/domain/*/record", "/domain/example.com/record", true)]
    [InlineData("/domain/*/record", "/domain/zone/example.com/record", false)]
    [InlineData("/domain/*/record", "/domain/example.com/record/1", false)]
    [InlineData("/domain/zone/*/record/*", "/domain/zone/example.com/record/42", true)]
    [InlineData("/ip/*/reverse", "/ip/1.2.3.4%2F29/reverse", true)]
    [InlineData("/sms", "/sms/*", false)]
    public void PathPatterns_FollowOvhWildcardSemantics(string pattern, string path, bool expected) =>
        OvhAccessRuleMatcher.Matches(pattern, path).Should().Be(expected);

    [Fact]
    public void Method_MustMatch()
    {
        var rules = new[] { new OvhSandboxAccessRule("GET", "/me") };
        OvhAccessRuleMatcher.IsGranted(rules, "GET", "/me").Should().BeTrue();
        OvhAccessRuleMatcher.IsGranted(rules, "PUT", "/me").Should().BeFalse();
    }

    [Fact]
    public async Task SubtreeRule_DoesNotGrantTheRoot()
    {
        var key = fixture.Key("GET /me/*");
        using var root = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/me", key);
        root.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await OvhErrorBody.ReadAsync(root)).Should().Be(new OvhErrorBody("NOT_GRANTED_CALL", "403 Forbidden", "This call has not been granted"));
        using var child = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/me/api/credential", key);
        child.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task MiddleWildcard_MatchesOneSegment()
    {
        var key = fixture.Key("GET /domain/zone/*/record");
        using var granted = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/domain/zone/example.com/record", key);
        granted.StatusCode.Should().Be(HttpStatusCode.OK, await granted.Content.ReadAsStringAsync());
        using var other = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/domain/zone/example.com/dnssec", key);
        (await OvhErrorBody.ReadAsync(other)).ErrorCode.Should().Be("NOT_GRANTED_CALL");
        using var deeper = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/domain/zone/example.com/record/1", key);
        (await OvhErrorBody.ReadAsync(deeper)).ErrorCode.Should().Be("NOT_GRANTED_CALL");
    }

    [Fact]
    public async Task OtherMethod_IsNotGranted()
    {
        var key = fixture.Key("GET /me");
        using var put = await fixture.Signer.SendAsync(HttpMethod.Put, fixture.Base + "/me", key, "{}");
        (await OvhErrorBody.ReadAsync(put)).ErrorCode.Should().Be("NOT_GRANTED_CALL");
    }

    [Fact]
    public async Task AuthEndpoints_NeedNoRule()
    {
        var key = fixture.Key("GET /domain/*");
        using var current = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/auth/currentCredential", key);
        current.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task V2Calls_AreMatchedWithTheirV2Prefix()
    {
        var v2 = fixture.Sandbox.V2BaseUri.ToString();
        var granted = fixture.Key("GET /v2/iam/*");
        using var ok = await fixture.Signer.SendAsync(HttpMethod.Get, v2 + "/iam/policy", granted);
        ok.StatusCode.Should().Be(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());

        var v1Style = fixture.Key("GET /iam/*");
        using var denied = await fixture.Signer.SendAsync(HttpMethod.Get, v2 + "/iam/policy", v1Style);
        (await OvhErrorBody.ReadAsync(denied)).ErrorCode.Should().Be("NOT_GRANTED_CALL");
    }
}

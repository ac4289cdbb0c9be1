using System.Net;
using System.Text;
using Clients.Sandbox.Ovh;

namespace Clients.Ovh.Tests.Sandbox;

public sealed class OvhSandboxSignatureTests(OvhSandboxFixture fixture) : IClassFixture<OvhSandboxFixture>
{
    private const string VectorSecret = "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk";
    private const string VectorConsumer = "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY";
    private const string VectorTimestamp = "1457018875";

    [Theory]
    [InlineData("GET", "", "$1$e9556054b6309771395efa467c22e627407461ad")]
    [InlineData("POST", "{\"a\":\"b\",\"c\":\"d\"}", "$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1")]
    public void ProviderVectors_AreWhatTheEmulatorAndTheTestSignerCompute(string method, string body, string expected)
    {
        OvhSandboxSignature.Compute(VectorSecret, VectorConsumer, method, "https://eu.api.ovh.com/1.0/auth", Encoding.UTF8.GetBytes(body), VectorTimestamp)
            .Should().Be(expected);
        OvhTestSigner.Sign(VectorSecret, VectorConsumer, method, "https://eu.api.ovh.com/1.0/auth", body, VectorTimestamp)
            .Should().Be(expected);
        OvhSandboxSignature.Matches(expected, expected).Should().BeTrue();
        OvhSandboxSignature.Matches(expected, expected[..^1] + "0").Should().BeFalse();
    }

    [Fact]
    public async Task SignedGet_WithCorrectSignature_Succeeds()
    {
        var key = fixture.Key("GET /me");
        using var response = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/me", key);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task WrongSignature_IsRejectedWithInvalidSignature()
    {
        var key = fixture.Key("GET /me");
        using var response = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/me", key, signatureOverride: "$1$0000000000000000000000000000000000000000");
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await OvhErrorBody.ReadAsync(response);
        error.Should().Be(new OvhErrorBody("INVALID_SIGNATURE", "400 Bad Request", "Invalid signature"));
    }

    [Fact]
    public async Task SignatureOverDifferentBody_IsRejected()
    {
        var key = fixture.Key("PUT /me");
        var ts = await fixture.Signer.ServerTimeAsync(fixture.Base);
        var signedForOtherBody = OvhTestSigner.Sign(fixture.Sandbox.ApplicationSecret, key, "PUT", fixture.Base + "/me", "{\"name\":\"x\"}", ts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var response = await fixture.Signer.SendAsync(HttpMethod.Put, fixture.Base + "/me", key, "{\"name\":\"y\"}", ts, signedForOtherBody);
        (await OvhErrorBody.ReadAsync(response)).ErrorCode.Should().Be("INVALID_SIGNATURE");
    }

    [Fact]
    public async Task EncodedPath_VerifiesWhenSignedAsSent()
    {
        var key = fixture.Key("GET /ip/*");
        using var response = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/ip/1.2.3.4%2F29/reverse", key);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        fixture.Sandbox.GetRequestCount("/1.0/ip/1.2.3.4%2F29/reverse").Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task EncodedPath_SignedOverTheDecodedUrl_IsRejected()
    {
        var key = fixture.Key("GET /ip/*");
        var ts = await fixture.Signer.ServerTimeAsync(fixture.Base);
        var tsText = ts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var decodedSignature = OvhTestSigner.Sign(fixture.Sandbox.ApplicationSecret, key, "GET", fixture.Base + "/ip/1.2.3.4/29/reverse", "", tsText);
        using var response = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/ip/1.2.3.4%2F29/reverse", key, timestamp: ts, signatureOverride: decodedSignature);
        (await OvhErrorBody.ReadAsync(response)).ErrorCode.Should().Be("INVALID_SIGNATURE");
    }

    [Fact]
    public async Task QueryString_IsPartOfTheSignedUrl()
    {
        var key = fixture.Key("GET /vps/*");
        var url = fixture.Base + "/vps/order/rule/datacenter?ovhSubsidiary=FR&planCode=vps-2025";
        using var ok = await fixture.Signer.SendAsync(HttpMethod.Get, url, key);
        ok.StatusCode.Should().Be(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());

        var ts = await fixture.Signer.ServerTimeAsync(fixture.Base);
        var withoutQuery = OvhTestSigner.Sign(fixture.Sandbox.ApplicationSecret, key, "GET", fixture.Base + "/vps/order/rule/datacenter", "", ts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var bad = await fixture.Signer.SendAsync(HttpMethod.Get, url, key, timestamp: ts, signatureOverride: withoutQuery);
        (await OvhErrorBody.ReadAsync(bad)).ErrorCode.Should().Be("INVALID_SIGNATURE");
    }

    [Theory]
    [InlineData(-3600)]
    [InlineData(-61)]
    [InlineData(61)]
    [InlineData(3600)]
    public async Task TimestampOutsideTolerance_IsRejectedWithQueryTimeOut(int offsetSeconds)
    {
        var key = fixture.Key("GET /me");
        var ts = await fixture.Signer.ServerTimeAsync(fixture.Base) + offsetSeconds;
        using var response = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/me", key, timestamp: ts);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await OvhErrorBody.ReadAsync(response)).Should().Be(new OvhErrorBody("QUERY_TIME_OUT", "400 Bad Request", "Query out of time"));
    }

    [Fact]
    public async Task UnknownApplicationKey_IsRejectedWithInvalidKey()
    {
        var key = fixture.Key("GET /me");
        var signer = new OvhTestSigner(fixture.Http, "unknownAppKey123", fixture.Sandbox.ApplicationSecret);
        using var response = await signer.SendAsync(HttpMethod.Get, fixture.Base + "/me", key);
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await OvhErrorBody.ReadAsync(response)).ErrorCode.Should().Be("INVALID_KEY");
    }

    [Fact]
    public async Task UnknownConsumerKey_IsRejectedWithNotCredential()
    {
        using var response = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/me", "neverIssuedConsumerKey0000000000");
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await OvhErrorBody.ReadAsync(response)).Should().Be(new OvhErrorBody("NOT_CREDENTIAL", "403 Forbidden", "This credential does not exist"));
    }

    [Fact]
    public async Task V1Alias_AndDeleteWithoutBody_Verify()
    {
        var key = fixture.Key("GET /me", "DELETE /domain/zone/*");
        var v1 = fixture.Sandbox.HostUri + "v1";
        using var me = await fixture.Signer.SendAsync(HttpMethod.Get, v1 + "/me", key);
        me.StatusCode.Should().Be(HttpStatusCode.OK);
        using var delete = await fixture.Signer.SendAsync(HttpMethod.Delete, fixture.Base + "/domain/zone/example.com/record/42", key);
        delete.StatusCode.Should().Be(HttpStatusCode.OK);
        (await delete.Content.ReadAsStringAsync()).Should().Be("null");
    }

    [Fact]
    public async Task PutWithBody_Verifies()
    {
        var key = fixture.Key("PUT /me");
        using var response = await fixture.Signer.SendAsync(HttpMethod.Put, fixture.Base + "/me", key, "{\"firstname\":\"Ada\"}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}

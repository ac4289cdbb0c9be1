using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Clients.Sandbox.Ovh;
using Microsoft.Extensions.Time.Testing;

namespace Clients.Ovh.Tests.Sandbox;

public sealed partial class OvhSandboxCredentialFlowTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient http = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private OvhSandbox ovh = null!;

    private string Base => ovh.BaseUri.ToString();

    public async Task InitializeAsync()
    {
        var options = new OvhSandboxOptions { TimeProvider = time, Universes = ["/me", "/domain"] };
        options.Customers.Add(new OvhSandboxCustomer("ab1111-ovh", "alice-password") { FirstName = "Alice" });
        options.Customers.Add(new OvhSandboxCustomer("cd2222-ovh", "bob-password") { FirstName = "Bob" });
        ovh = await OvhSandbox.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await ovh.DisposeAsync();
    }

    [Fact]
    public async Task Accepting_OnTheHtmlPage_ValidatesTheKey_AndRedirects()
    {
        var (consumerKey, validationUrl) = await RequestCredentialAsync("""{"accessRules":[{"method":"GET","path":"/me"}],"redirection":"https://app.example/done?customer=1"}""");
        ovh.GetCredentialStatus(consumerKey).Should().Be(OvhSandboxCredentialStatus.PendingValidation);

        using var page = await http.GetAsync(validationUrl);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var html = await page.Content.ReadAsStringAsync();
        html.Should().Contain("GET /me").And.Contain("name=\"login\"").And.Contain("name=\"password\"").And.Contain("value=\"accept\"").And.Contain("value=\"refuse\"");

        using var posted = await SubmitAsync(html, "ab1111-ovh", "alice-password", "3600", "accept");
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        posted.Headers.Location.Should().Be(new Uri("https://app.example/done?customer=1"));
        ovh.GetCredentialStatus(consumerKey).Should().Be(OvhSandboxCredentialStatus.Validated);

        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);
        using var current = await signer.SendAsync(HttpMethod.Get, Base + "/auth/currentCredential", consumerKey);
        current.StatusCode.Should().Be(HttpStatusCode.OK);
        using var credential = JsonDocument.Parse(await current.Content.ReadAsStringAsync());
        credential.RootElement.GetProperty("status").GetString().Should().Be("validated");
        credential.RootElement.GetProperty("rules")[0].GetProperty("path").GetString().Should().Be("/me");
        credential.RootElement.GetProperty("expiration").GetString().Should().Be("2026-03-01T13:00:00+00:00");
        credential.RootElement.GetProperty("creation").GetString().Should().Be("2026-03-01T12:00:00+00:00");
        credential.RootElement.GetProperty("credentialId").GetInt64().Should().BePositive();
        credential.RootElement.GetProperty("applicationId").GetInt64().Should().BePositive();

        using var me = await signer.SendAsync(HttpMethod.Get, Base + "/me", consumerKey);
        using var meJson = JsonDocument.Parse(await me.Content.ReadAsStringAsync());
        meJson.RootElement.GetProperty("nichandle").GetString().Should().Be("ab1111-ovh");
        meJson.RootElement.GetProperty("firstname").GetString().Should().Be("Alice");
    }

    [Fact]
    public async Task ValidityRunsOut_ThenCallsGetInvalidCredential()
    {
        var (consumerKey, validationUrl) = await RequestCredentialAsync("""{"accessRules":[{"method":"GET","path":"/me"}]}""");
        var html = await http.GetStringAsync(validationUrl);
        using var posted = await SubmitAsync(html, "ab1111-ovh@sandbox.test", "alice-password", "3600", "accept");
        posted.StatusCode.Should().Be(HttpStatusCode.OK, "no redirection was given");
        (await posted.Content.ReadAsStringAsync()).Should().Contain("validated");

        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);
        using (var ok = await signer.SendAsync(HttpMethod.Get, Base + "/me", consumerKey))
        {
            ok.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        time.Advance(TimeSpan.FromHours(2));
        using var expired = await signer.SendAsync(HttpMethod.Get, Base + "/me", consumerKey);
        expired.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await OvhErrorBody.ReadAsync(expired)).Should().Be(new OvhErrorBody("INVALID_CREDENTIAL", "403 Forbidden", "This credential is not valid"));
        ovh.GetCredentialStatus(consumerKey).Should().Be(OvhSandboxCredentialStatus.Expired);
    }

    [Fact]
    public async Task Refusing_OnTheHtmlPage_RefusesTheKey()
    {
        var (consumerKey, validationUrl) = await RequestCredentialAsync("""{"accessRules":[{"method":"GET","path":"/me"}],"redirection":"https://app.example/refused"}""");
        var html = await http.GetStringAsync(validationUrl);
        using var posted = await SubmitAsync(html, "", "", "0", "refuse");
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ovh.GetCredentialStatus(consumerKey).Should().Be(OvhSandboxCredentialStatus.Refused);

        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);
        using var call = await signer.SendAsync(HttpMethod.Get, Base + "/me", consumerKey);
        (await OvhErrorBody.ReadAsync(call)).ErrorCode.Should().Be("INVALID_CREDENTIAL");

        using var again = await SubmitAsync(html, "ab1111-ovh", "alice-password", "0", "accept");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        using var reopened = await http.GetAsync(validationUrl);
        reopened.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await reopened.Content.ReadAsStringAsync()).Should().Contain("already refused");
        ovh.GetCredentialStatus(consumerKey).Should().Be(OvhSandboxCredentialStatus.Refused);
    }

    [Fact]
    public async Task WrongPassword_ShowsTheFormAgain_AndKeepsTheKeyPending()
    {
        var (consumerKey, validationUrl) = await RequestCredentialAsync("""{"accessRules":[{"method":"GET","path":"/me"}]}""");
        var html = await http.GetStringAsync(validationUrl);
        using var posted = await SubmitAsync(html, "ab1111-ovh", "bob-password", "0", "accept");
        posted.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await posted.Content.ReadAsStringAsync()).Should().Contain("Invalid account / password").And.Contain("name=\"credentialToken\"");
        ovh.GetCredentialStatus(consumerKey).Should().Be(OvhSandboxCredentialStatus.PendingValidation);
    }

    [Fact]
    public async Task SubmitValidationPageAsync_DrivesThePageOverHttp()
    {
        var (accepted, acceptUrl) = await RequestCredentialAsync("""{"accessRules":[{"method":"GET","path":"/me"}],"redirection":"https://app.example/ok"}""");
        (await ovh.SubmitValidationPageAsync(acceptUrl, "cd2222-ovh", "bob-password", validity: TimeSpan.FromDays(1)))
            .Should().Be(new Uri("https://app.example/ok"));
        ovh.GetCredentialStatus(accepted).Should().Be(OvhSandboxCredentialStatus.Validated);

        var (refused, refuseUrl) = await RequestCredentialAsync("""{"accessRules":[{"method":"GET","path":"/me"}]}""");
        (await ovh.SubmitValidationPageAsync(refuseUrl, accept: false)).Should().BeNull();
        ovh.GetCredentialStatus(refused).Should().Be(OvhSandboxCredentialStatus.Refused);

        var (_, wrongUrl) = await RequestCredentialAsync("""{"accessRules":[{"method":"GET","path":"/me"}]}""");
        var wrong = () => ovh.SubmitValidationPageAsync(wrongUrl, "cd2222-ovh", "not-the-password");
        (await wrong.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("Invalid account / password").And.NotContain("not-the-password");
        var processed = () => ovh.SubmitValidationPageAsync(acceptUrl, "cd2222-ovh", "bob-password");
        await processed.Should().ThrowAsync<InvalidOperationException>();
    }

    [Fact]
    public async Task PendingKey_GetsInvalidCredential()
    {
        var (consumerKey, _) = await RequestCredentialAsync("""{"accessRules":[{"method":"GET","path":"/*"}]}""");
        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);
        using var call = await signer.SendAsync(HttpMethod.Get, Base + "/me", consumerKey);
        call.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await OvhErrorBody.ReadAsync(call)).ErrorCode.Should().Be("INVALID_CREDENTIAL");
    }

    [Fact]
    public async Task Logout_ExpiresTheKey()
    {
        var consumerKey = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")]);
        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);
        using (var logout = await signer.SendAsync(HttpMethod.Post, Base + "/auth/logout", consumerKey))
        {
            logout.StatusCode.Should().Be(HttpStatusCode.OK);
            (await logout.Content.ReadAsStringAsync()).Should().Be("null");
        }

        ovh.GetCredentialStatus(consumerKey).Should().Be(OvhSandboxCredentialStatus.Expired);
        using var after = await signer.SendAsync(HttpMethod.Get, Base + "/me", consumerKey);
        (await OvhErrorBody.ReadAsync(after)).ErrorCode.Should().Be("INVALID_CREDENTIAL");
        using var current = await signer.SendAsync(HttpMethod.Get, Base + "/auth/currentCredential", consumerKey);
        (await OvhErrorBody.ReadAsync(current)).ErrorCode.Should().Be("INVALID_CREDENTIAL");
    }

    [Fact]
    public async Task RevokedKey_GetsNotCredential()
    {
        var consumerKey = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")]);
        ovh.RevokeConsumerKey(consumerKey);
        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);
        using var call = await signer.SendAsync(HttpMethod.Get, Base + "/me", consumerKey);
        (await OvhErrorBody.ReadAsync(call)).ErrorCode.Should().Be("NOT_CREDENTIAL");
    }

    [Fact]
    public async Task TwoCustomers_SeeTheirOwnData()
    {
        var alice = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")], ovh.Customers[0]);
        var bob = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")], ovh.Customers[1]);
        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);
        var tasks = Enumerable.Range(0, 20).Select(async i =>
        {
            var key = i % 2 == 0 ? alice : bob;
            using var response = await signer.SendAsync(HttpMethod.Get, Base + "/me", key);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (i, json.RootElement.GetProperty("nichandle").GetString());
        });
        foreach (var (i, nichandle) in await Task.WhenAll(tasks))
        {
            nichandle.Should().Be(i % 2 == 0 ? "ab1111-ovh" : "cd2222-ovh");
        }
    }

    [Fact]
    public async Task Customer_ListsInspectsAndDeletesItsOwnCredentials()
    {
        var carol = new OvhSandboxCustomer("ef3333-ovh", "x");
        var admin = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me/*"), new OvhSandboxAccessRule("DELETE", "/me/*")], ovh.Customers[1]);
        var other = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")], ovh.Customers[1]);
        _ = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")], ovh.Customers[0]);
        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);

        using var list = await signer.SendAsync(HttpMethod.Get, Base + "/me/api/credential", admin);
        using var ids = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        var credentialIds = ids.RootElement.EnumerateArray().Select(static e => e.GetInt64()).ToList();
        credentialIds.Should().HaveCount(2, "only this customer's keys are listed");

        using var one = await signer.SendAsync(HttpMethod.Get, Base + "/me/api/credential/" + credentialIds[1], admin);
        using var described = JsonDocument.Parse(await one.Content.ReadAsStringAsync());
        described.RootElement.GetProperty("status").GetString().Should().Be("validated");
        described.RootElement.GetProperty("rules")[0].GetProperty("path").GetString().Should().Be("/me");

        using var delete = await signer.SendAsync(HttpMethod.Delete, Base + "/me/api/credential/" + credentialIds[1], admin);
        delete.StatusCode.Should().Be(HttpStatusCode.OK);
        using var gone = await signer.SendAsync(HttpMethod.Get, Base + "/me", other);
        (await OvhErrorBody.ReadAsync(gone)).ErrorCode.Should().Be("NOT_CREDENTIAL");
        using var missing = await signer.SendAsync(HttpMethod.Get, Base + "/me/api/credential/" + credentialIds[1], admin);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        carol.HasLogin("EF3333-OVH").Should().BeTrue();
    }

    [Fact]
    public async Task CredentialRequest_WithUnknownApplication_GetsInvalidKey()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + "/auth/credential")
        {
            Content = JsonContent.Create(new { accessRules = new[] { new { method = "GET", path = "/me" } } }),
        };
        request.Headers.Add("X-Ovh-Application", "notRegistered000");
        using var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await OvhErrorBody.ReadAsync(response)).Should().Be(new OvhErrorBody("INVALID_KEY", "403 Forbidden", "This application key is invalid"));
    }

    [Fact]
    public async Task CredentialRequest_WithBadRule_GetsBadRequest()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + "/auth/credential")
        {
            Content = new StringContent("""{"accessRules":[{"method":"FETCH","path":"/me"}]}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Ovh-Application", ovh.ApplicationKey);
        using var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AllowedIps_AreEnforced()
    {
        var (blocked, blockedUrl) = await RequestCredentialAsync("""{"accessRules":[{"method":"GET","path":"/me"}],"allowedIPs":["10.0.0.0/8"]}""");
        var (allowed, allowedUrl) = await RequestCredentialAsync("""{"accessRules":[{"method":"GET","path":"/me"}],"allowedIPs":["127.0.0.1/32"]}""");
        foreach (var url in new[] { blockedUrl, allowedUrl })
        {
            using var posted = await SubmitAsync(await http.GetStringAsync(url), "ab1111-ovh", "alice-password", "0", "accept");
        }

        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);
        using var denied = await signer.SendAsync(HttpMethod.Get, Base + "/me", blocked);
        (await OvhErrorBody.ReadAsync(denied)).ErrorCode.Should().Be("FORBIDDEN");
        using var ok = await signer.SendAsync(HttpMethod.Get, Base + "/me", allowed);
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private async Task<(string ConsumerKey, string ValidationUrl)> RequestCredentialAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Base + "/auth/credential")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Ovh-Application", ovh.ApplicationKey);
        using var response = await http.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains("X-Ovh-Signature").Should().BeFalse();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("state").GetString().Should().Be("pendingValidation");
        var validationUrl = json.RootElement.GetProperty("validationUrl").GetString()!;
        validationUrl.Should().StartWith(ovh.HostUri + "auth/?credentialToken=");
        return (json.RootElement.GetProperty("consumerKey").GetString()!, validationUrl);
    }

    private async Task<HttpResponseMessage> SubmitAsync(string html, string login, string password, string duration, string action)
    {
        var form = FormRegex().Match(html);
        form.Success.Should().BeTrue("the page must hold a form");
        var token = HiddenTokenRegex().Match(html).Groups[1].Value;
        var target = new Uri(ovh.HostUri, WebUtility.HtmlDecode(form.Groups[1].Value));
        return await http.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["credentialToken"] = WebUtility.HtmlDecode(token),
            ["login"] = login,
            ["password"] = password,
            ["duration"] = duration,
            ["action"] = action,
        }));
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\">")]
    private static partial Regex FormRegex();

    [GeneratedRegex("name=\"credentialToken\" value=\"([^\"]+)\"")]
    private static partial Regex HiddenTokenRegex();
}

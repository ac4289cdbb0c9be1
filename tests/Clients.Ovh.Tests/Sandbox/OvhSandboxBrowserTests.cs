using System.Net;
using System.Text.Json;
using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Dom;
using Clients.Sandbox.Ovh;

namespace Clients.Ovh.Tests.Sandbox;

/// <summary>The validation page driven by an HTML5 browser engine (AngleSharp: real parsing, form submission, redirects).</summary>
public sealed class OvhSandboxBrowserTests
{
    [Theory]
    [InlineData("accept", OvhSandboxCredentialStatus.Validated)]
    [InlineData("refuse", OvhSandboxCredentialStatus.Refused)]
    public async Task TheCustomerClicksAButton_AndLandsOnTheRedirection(string button, OvhSandboxCredentialStatus expected)
    {
        await using var ovh = await OvhSandbox.StartAsync(new OvhSandboxOptions { Universes = ["/me"] });
        // The redirection points back at the emulator so the browser can really follow it.
        var landing = ovh.BaseUri + "/auth/time";
        var (consumerKey, validationUrl) = await RequestCredentialAsync(ovh, landing);

        var browser = BrowsingContext.New(Configuration.Default.WithDefaultLoader());
        var page = await browser.OpenAsync(validationUrl);
        page.StatusCode.Should().Be(HttpStatusCode.OK);
        page.Title.Should().Contain("Authorize");
        var form = page.QuerySelector<IHtmlFormElement>("form")!;
        form.Method.Should().BeEquivalentTo("post");
        ((IHtmlInputElement)form.Elements["login"]!).Value = ovh.DefaultCustomer.Email;
        ((IHtmlInputElement)form.Elements["password"]!).Value = ovh.DefaultCustomer.Password;
        ((IHtmlSelectElement)form.Elements["duration"]!).Value = "86400";
        var clicked = page.QuerySelector<IHtmlButtonElement>($"button[value={button}]")!;

        var result = await form.SubmitAsync(clicked);

        result.Url.Should().Be(landing);
        result.Body!.TextContent.Should().MatchRegex("^[0-9]+$");
        ovh.GetCredentialStatus(consumerKey).Should().Be(expected);
    }

    [Fact]
    public async Task AWrongPassword_ShowsTheErrorOnTheFormAgain()
    {
        await using var ovh = await OvhSandbox.StartAsync(new OvhSandboxOptions { Universes = ["/me"] });
        var (consumerKey, validationUrl) = await RequestCredentialAsync(ovh, null);
        var browser = BrowsingContext.New(Configuration.Default.WithDefaultLoader());
        var page = await browser.OpenAsync(validationUrl);
        var form = page.QuerySelector<IHtmlFormElement>("form")!;
        ((IHtmlInputElement)form.Elements["login"]!).Value = ovh.DefaultCustomer.Nichandle;
        ((IHtmlInputElement)form.Elements["password"]!).Value = "wrong";

        var result = await form.SubmitAsync(page.QuerySelector<IHtmlButtonElement>("button[value=accept]")!);

        result.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        result.QuerySelector(".error")!.TextContent.Should().Be("Invalid account / password.");
        result.QuerySelector<IHtmlFormElement>("form").Should().NotBeNull();
        ovh.GetCredentialStatus(consumerKey).Should().Be(OvhSandboxCredentialStatus.PendingValidation);
    }

    private static async Task<(string ConsumerKey, string ValidationUrl)> RequestCredentialAsync(OvhSandbox ovh, string? redirection)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, ovh.BaseUri + "/auth/credential")
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new { accessRules = new[] { new { method = "GET", path = "/me" } }, redirection }),
                System.Text.Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Add("X-Ovh-Application", ovh.ApplicationKey);
        using var response = await http.SendAsync(request);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("consumerKey").GetString()!, json.RootElement.GetProperty("validationUrl").GetString()!);
    }
}

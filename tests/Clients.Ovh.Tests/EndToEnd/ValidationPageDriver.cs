using System.Net;
using System.Text.RegularExpressions;
using Clients.Sandbox.Ovh;

namespace Clients.Ovh.Tests.EndToEnd;

/// <summary>Plays the customer on the emulator's validation page over HTTP: open it, log in, accept or refuse.</summary>
internal static partial class ValidationPageDriver
{
    public static async Task<HttpResponseMessage> AnswerAsync(Uri validationUrl, OvhSandboxCustomer customer, bool accept)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var page = await http.GetStringAsync(validationUrl);
        var token = TokenField().Match(page).Groups[1].Value;
        token.Should().NotBeEmpty("the page carries the credential token in its form");
        var action = new Uri(validationUrl, FormAction().Match(page).Groups[1].Value);

        var response = await http.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["credentialToken"] = WebUtility.HtmlDecode(token),
            ["login"] = customer.Nichandle,
            ["password"] = customer.Password,
            ["duration"] = "0",
            ["action"] = accept ? "accept" : "refuse",
        }));
        return response;
    }

    [GeneratedRegex("name=\"credentialToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}

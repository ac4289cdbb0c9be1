using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// Drives the validation page over real HTTP the way a browser would: GET the validation URL, read the
/// form, POST login, password, validity and the chosen button, and report where the page redirected.
/// </summary>
internal static partial class OvhValidationPageClient
{
    public static async Task<Uri?> SubmitAsync(string validationUrl, string login, string password, bool accept, TimeSpan? validity, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        var pageUri = new Uri(validationUrl, UriKind.Absolute);
        using var page = await http.GetAsync(pageUri, cancellationToken).ConfigureAwait(false);
        var html = await page.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var form = FormRegex().Match(html);
        var token = TokenRegex().Match(html);
        if (!page.IsSuccessStatusCode || !form.Success || !token.Success)
        {
            throw new InvalidOperationException($"The OVH sandbox validation page answered {(int)page.StatusCode} without a validation form: {PageError(html)}");
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["credentialToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["login"] = login,
            ["password"] = password,
            ["duration"] = validity is { } v ? ((long)v.TotalSeconds).ToString(CultureInfo.InvariantCulture) : "0",
            ["action"] = accept ? "accept" : "refuse",
        });
        using var posted = await http.PostAsync(new Uri(pageUri, WebUtility.HtmlDecode(form.Groups[1].Value)), content, cancellationToken).ConfigureAwait(false);
        if (posted.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
        {
            return posted.Headers.Location;
        }

        var result = await posted.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!posted.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The OVH sandbox validation page refused the submission ({(int)posted.StatusCode}): {PageError(result)}");
        }

        return null;
    }

    private static string PageError(string html)
    {
        var error = ErrorRegex().Match(html);
        return error.Success ? WebUtility.HtmlDecode(error.Groups[1].Value) : "no error message on the page";
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]+)\">")]
    private static partial Regex FormRegex();

    [GeneratedRegex("name=\"credentialToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("<p class=\"error\">([^<]*)</p>")]
    private static partial Regex ErrorRegex();
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using static System.Net.WebUtility;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// The page at the validation URL (<c>/auth/?credentialToken=...</c>): the customer logs in, picks a
/// validity and accepts or refuses; the form posts back to <c>/auth/</c>, which changes the key's state
/// and redirects (302) to the <c>redirection</c> given when the key was requested.
/// Form fields: <c>credentialToken</c>, <c>login</c>, <c>password</c>, <c>duration</c> (seconds, 0 = unlimited),
/// <c>action</c> (<c>accept</c> or <c>refuse</c>).
/// </summary>
internal static class OvhValidationPage
{
    public static readonly (int Seconds, string Label)[] Durations =
    [
        (3600, "1 hour"), (86400, "1 day"), (2592000, "30 days"), (0, "Unlimited"),
    ];

    public static async Task HandleAsync(HttpContext context, OvhSandboxState state)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            var token = context.Request.Query["credentialToken"].ToString();
            var credential = state.FindByToken(token);
            if (credential is null)
            {
                await WritePageAsync(context, StatusCodes.Status404NotFound, "Unknown credential", "<p class=\"error\">This credential token is unknown.</p>").ConfigureAwait(false);
                return;
            }

            if (credential.StatusAt(state.ServerNow) != OvhSandboxCredentialStatus.PendingValidation)
            {
                await WriteAlreadyProcessedAsync(context, credential).ConfigureAwait(false);
                return;
            }

            await WriteFormAsync(context, credential, error: null).ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.HasFormContentType)
        {
            await WritePageAsync(context, StatusCodes.Status405MethodNotAllowed, "Method not allowed", "<p class=\"error\">Use the form.</p>").ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var posted = state.FindByToken(form["credentialToken"].ToString());
        if (posted is null)
        {
            await WritePageAsync(context, StatusCodes.Status404NotFound, "Unknown credential", "<p class=\"error\">This credential token is unknown.</p>").ConfigureAwait(false);
            return;
        }

        var now = state.ServerNow;
        if (posted.StatusAt(now) != OvhSandboxCredentialStatus.PendingValidation)
        {
            await WriteAlreadyProcessedAsync(context, posted).ConfigureAwait(false);
            return;
        }

        var action = form["action"].ToString();
        if (action == "refuse")
        {
            if (!TryDecide(posted, OvhSandboxCredentialStatus.Refused, customer: null, expiration: null))
            {
                await WriteAlreadyProcessedAsync(context, posted).ConfigureAwait(false);
                return;
            }

            OvhSandboxLog.CredentialChanged(state.Logger, posted.CredentialId, "refused");

            await FinishAsync(context, posted, "Your credential has been refused.").ConfigureAwait(false);
            return;
        }

        if (action != "accept")
        {
            await WriteFormAsync(context, posted, "Choose Authorize access or Refuse.", StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        var customer = state.FindCustomer(form["login"].ToString());
        if (customer is null || !string.Equals(customer.Password, form["password"].ToString(), StringComparison.Ordinal))
        {
            await WriteFormAsync(context, posted, "Invalid account / password.", StatusCodes.Status401Unauthorized).ConfigureAwait(false);
            return;
        }

        _ = int.TryParse(form["duration"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds);
        if (!TryDecide(posted, OvhSandboxCredentialStatus.Validated, customer, seconds > 0 ? now.AddSeconds(seconds) : null))
        {
            await WriteAlreadyProcessedAsync(context, posted).ConfigureAwait(false);
            return;
        }

        OvhSandboxLog.CredentialChanged(state.Logger, posted.CredentialId, "validated");
        await FinishAsync(context, posted, "Your credential has been validated.").ConfigureAwait(false);
    }

    /// <summary>Moves a pending key to <paramref name="status"/>; false when someone decided first.</summary>
    private static bool TryDecide(OvhCredential credential, OvhSandboxCredentialStatus status, OvhSandboxCustomer? customer, DateTimeOffset? expiration)
    {
        lock (credential.Sync)
        {
            if (credential.Status != OvhSandboxCredentialStatus.PendingValidation)
            {
                return false;
            }

            credential.Status = status;
            credential.Customer = customer;
            credential.Expiration = expiration;
            return true;
        }
    }

    private static Task WriteAlreadyProcessedAsync(HttpContext context, OvhCredential credential) =>
        WritePageAsync(context, StatusCodes.Status409Conflict, "Already processed", $"<p class=\"error\">This credential is already {OvhAuthEndpoints.StatusName(credential.Status)}.</p>");

    public static void Accept(OvhCredential credential, OvhSandboxCustomer customer, TimeSpan? validity, DateTimeOffset now)
    {
        lock (credential.Sync)
        {
            credential.Status = OvhSandboxCredentialStatus.Validated;
            credential.Customer = customer;
            credential.Expiration = validity is { } v ? now + v : null;
        }
    }

    private static async Task FinishAsync(HttpContext context, OvhCredential credential, string message)
    {
        if (Uri.TryCreate(credential.Redirection, UriKind.Absolute, out var redirection)
            && (redirection.Scheme == Uri.UriSchemeHttp || redirection.Scheme == Uri.UriSchemeHttps))
        {
            context.Response.Redirect(redirection.AbsoluteUri);
            return;
        }

        await WritePageAsync(context, StatusCodes.Status200OK, "Done", $"<p class=\"result\">{HtmlEncode(message)}</p>").ConfigureAwait(false);
    }

    private static Task WriteFormAsync(HttpContext context, OvhCredential credential, string? error, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder();
        if (error is not null)
        {
            html.Append("<p class=\"error\">").Append(HtmlEncode(error)).Append("</p>\n");
        }

        html.Append("<p>The application <strong>").Append(HtmlEncode(credential.Application.Name))
            .Append("</strong> asks for access to your account with these rights:</p>\n<ul class=\"rules\">\n");
        foreach (var rule in credential.Rules)
        {
            html.Append("  <li>").Append(HtmlEncode(rule.Method)).Append(' ').Append(HtmlEncode(rule.Path)).Append("</li>\n");
        }

        html.Append("</ul>\n<form method=\"post\" action=\"/auth/\">\n")
            .Append("  <input type=\"hidden\" name=\"credentialToken\" value=\"").Append(HtmlEncode(credential.CredentialToken)).Append("\">\n")
            .Append("  <label>Account ID or e-mail <input type=\"text\" name=\"login\" autocomplete=\"username\"></label>\n")
            .Append("  <label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\"></label>\n")
            .Append("  <label>Validity <select name=\"duration\">\n");
        foreach (var (seconds, label) in Durations)
        {
            html.Append("    <option value=\"").Append(seconds.ToString(CultureInfo.InvariantCulture)).Append('"')
                .Append(seconds == 0 ? " selected" : "").Append('>').Append(label).Append("</option>\n");
        }

        html.Append("  </select></label>\n")
            .Append("  <button type=\"submit\" name=\"action\" value=\"accept\">Authorize access</button>\n")
            .Append("  <button type=\"submit\" name=\"action\" value=\"refuse\">Refuse</button>\n")
            .Append("</form>\n");
        return WritePageAsync(context, status, "Authorize an application", html.ToString());
    }

    private static async Task WritePageAsync(HttpContext context, int status, string title, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>OVHcloud sandbox - "
            + HtmlEncode(title) + "</title></head>\n<body>\n<h1>" + HtmlEncode(title) + "</h1>\n" + body + "</body>\n</html>\n";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(page), context.RequestAborted).ConfigureAwait(false);
    }
}

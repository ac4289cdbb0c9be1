using System.Globalization;
using System.Text;
using System.Text.Json;
using Clients.Ovh;
using Clients.Ovh.Models;
using Clients.Samples.Marketplace.Data;
using Clients.Samples.Marketplace.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Clients.Samples.Marketplace.Pages;

/// <summary>
/// <c>/customers/{id}</c>: the customer's OVHcloud delegation, their domains and a zone's DNS records through
/// <see cref="IOvhDomainApi"/> signed with their consumer key (<see cref="OvhConsumerKey.UseCustomer"/>), and a form to
/// add a record. A key OVH no longer accepts shows a "reconnect" prompt, not an error page.
/// </summary>
internal static class CustomerPage
{
    /// <summary>The record types the form offers (OVH's wire values).</summary>
    public static IReadOnlyList<string> RecordTypes { get; } = ["A", "AAAA", "CNAME", "MX", "TXT"];

    private const int MaxRecordsShown = 10;

    /// <summary>What happened just before the page is shown.</summary>
    /// <param name="Notice">A banner, already HTML.</param>
    /// <param name="Created">OVH's answer to a record creation.</param>
    /// <param name="CreateError">OVH's refusal of a record creation.</param>
    public sealed record Outcome(string? Notice = null, DomainZoneRecord? Created = null, OvhApiException? CreateError = null);

    /// <summary>Renders the page.</summary>
    /// <param name="context">The request.</param>
    /// <param name="customerId">The customer.</param>
    /// <param name="zone">The zone to show, or null for the first domain.</param>
    /// <param name="outcome">What happened before.</param>
    /// <returns>The page.</returns>
    public static async Task<IResult> RenderAsync(HttpContext context, string customerId, string? zone, Outcome outcome)
    {
        var services = context.RequestServices;
        var cancellationToken = context.RequestAborted;
        var db = services.GetRequiredService<MarketplaceDbContext>();
        var customer = await db.Customers.AsNoTracking().Include(c => c.OvhConnection).FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return Html.Page("Unknown customer", $"""<p>There is no customer <code>{Html.E(customerId)}</code>. <a href="/">Back to the customers</a>.</p>""", StatusCodes.Status404NotFound);
        }

        var body = new StringBuilder();
        body.Append($"""<p class="muted">{Html.E(customer.Description)}</p>""").Append('\n');
        if (outcome.Notice is not null)
        {
            body.Append(outcome.Notice).Append('\n');
        }

        var connection = customer.OvhConnection;
        if (connection is not { State: OvhConnectionState.Connected })
        {
            body.Append(NotConnected(context, customer, connection));
            return Html.Page(customer.Name, body.ToString());
        }

        var domainApi = services.GetRequiredService<IOvhDomainApi>();
        try
        {
            using (OvhConsumerKey.UseCustomer(customer.Id))
            {
                var domains = await domainApi.ListDomainAsync(cancellationToken: cancellationToken);
                zone = zone is not null && domains.Contains(zone, StringComparer.OrdinalIgnoreCase) ? zone : domains.FirstOrDefault();
                var records = new List<DomainZoneRecord>();
                if (zone is not null)
                {
                    var ids = await domainApi.ListDomainZoneRecordAsync(zone, cancellationToken: cancellationToken);
                    foreach (var id in ids.Take(MaxRecordsShown))
                    {
                        records.Add(await domainApi.GetDomainZoneRecordAsync(zone, id, cancellationToken));
                    }
                }

                body.Append(Connected(context, customer, connection));
                body.Append(Domains(customer, domains, zone));
                if (zone is not null)
                {
                    body.Append(Records(context, customer, zone, records, outcome));
                }
            }
        }
        catch (OvhApiException exception) when (exception.IsInvalidCredential)
        {
            MarketplaceLog.ReconnectNeeded(Logger(context), customer.Id, ErrorCodeOf(exception), exception.QueryId);
            body.Append(Reconnect(context, customer, exception));
        }
        catch (OvhApiException exception)
        {
            MarketplaceLog.OvhFailed(Logger(context), customer.Id, (int)exception.StatusCode, ErrorCodeOf(exception), exception.QueryId);
            body.Append(Connected(context, customer, connection));
            body.Append(OvhProblem("OVHcloud answered with an error", exception));
        }

        return Html.Page(customer.Name, body.ToString());
    }

    /// <summary>Parses a record type typed in the form into the generated contract, by its wire value.</summary>
    /// <param name="wireValue">For example <c>TXT</c>.</param>
    /// <returns>The value, or null when it is not one the form offers.</returns>
    public static DomainZoneRecordTypeEnum? ParseRecordType(string? wireValue) =>
        wireValue is not null && RecordTypes.Contains(wireValue, StringComparer.Ordinal)
            ? JsonSerializer.Deserialize("\"" + wireValue + "\"", OvhJsonSerializerContext.Default.DomainZoneRecordTypeEnum)
            : null;

    /// <summary>OVH's error code as text.</summary>
    /// <param name="exception">The error.</param>
    /// <returns>The code.</returns>
    public static string ErrorCodeOf(OvhApiException exception) => exception.ErrorCodeText ?? exception.ErrorCode.ToString();

    /// <summary>A banner.</summary>
    /// <param name="kind">notice, problem or reconnect.</param>
    /// <param name="id">The element id.</param>
    /// <param name="html">The content, already HTML.</param>
    /// <returns>The HTML.</returns>
    public static string Banner(string kind, string id, string html) => $"""<div class="card {kind}" id="{id}">{html}</div>""";

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Clients.Samples.Marketplace.CustomerPage");

    private static string ConnectForm(HttpContext context, Customer customer, string label) => $"""
        <form method="post" action="/customers/{Html.U(customer.Id)}/ovh/connect" class="inline">{Html.Antiforgery(context)}<button type="submit" id="connect-ovh">{Html.E(label)}</button></form>
        """;

    private static string NotConnected(HttpContext context, Customer customer, OvhConnection? connection)
    {
        var state = connection is { State: OvhConnectionState.Pending }
            ? """<p class="warn" id="ovh-state">Waiting for your answer on OVHcloud.</p>"""
            : """<p class="muted" id="ovh-state">Not connected to OVHcloud.</p>""";
        var rules = string.Join("", MarketplaceOvhRightsList());
        return $"""
            <div class="card" id="ovh-connection">
            <h2>OVHcloud</h2>
            {state}
            <p>Connect your OVHcloud account so the marketplace can manage your domains. You will log in on OVHcloud
            and choose whether to grant these rights (computed from the API calls the marketplace makes):</p>
            <details><summary>{Ovh.MarketplaceOvhRights.Rules.Count} access rules</summary><ul>{rules}</ul></details>
            {ConnectForm(context, customer, "Connect OVHcloud")}
            </div>
            """;
    }

    private static IEnumerable<string> MarketplaceOvhRightsList() =>
        Ovh.MarketplaceOvhRights.Rules.Select(r => $"<li><code>{Html.E(r.Method)} {Html.E(r.Path)}</code></li>");

    private static string Connected(HttpContext context, Customer customer, OvhConnection connection)
    {
        var expires = connection.ExpiresAt is { } at ? "expires " + at.ToString("u", CultureInfo.InvariantCulture) : "no expiry";
        return $"""
            <div class="card" id="ovh-connection">
            <h2>OVHcloud</h2>
            <p class="ok" id="ovh-state">Connected to OVHcloud</p>
            <p class="muted">Credential {connection.CredentialId?.ToString(CultureInfo.InvariantCulture) ?? "?"}, {Html.E(expires)}.</p>
            <form method="post" action="/customers/{Html.U(customer.Id)}/ovh/disconnect" class="inline">{Html.Antiforgery(context)}<button type="submit" class="secondary" id="disconnect-ovh">Disconnect</button></form>
            </div>
            """;
    }

    private static string Domains(Customer customer, IReadOnlyList<string> domains, string? zone)
    {
        var items = new StringBuilder();
        foreach (var domain in domains)
        {
            var current = string.Equals(domain, zone, StringComparison.OrdinalIgnoreCase) ? " <span class=\"muted\">(shown below)</span>" : "";
            items.Append($"""<li class="domain"><a href="/customers/{Html.U(customer.Id)}?zone={Html.U(domain)}">{Html.E(domain)}</a>{current}</li>""");
        }

        return $"""
            <div class="card" id="domains"><h2>Domains</h2>
            {(domains.Count == 0 ? "<p>No domain on this OVHcloud account.</p>" : $"<ul>{items}</ul>")}
            </div>
            """;
    }

    private static string Records(HttpContext context, Customer customer, string zone, List<DomainZoneRecord> records, Outcome outcome)
    {
        var rows = new StringBuilder();
        foreach (var record in records)
        {
            rows.Append(RecordRow(record));
        }

        var types = string.Join("", RecordTypes.Select(t => $"""<option value="{t}">{t}</option>"""));
        var answer = outcome.Created is { } created
            ? Banner("notice", "ovh-answer", $"<h3>OVHcloud's answer</h3><p>Record created:</p><table><thead>{RecordHeader}</thead><tbody>{RecordRow(created)}</tbody></table>")
            : outcome.CreateError is { } error ? OvhProblem("OVHcloud refused the record", error) : "";
        return $"""
            <div class="card" id="records"><h2>DNS zone {Html.E(zone)}</h2>
            <table><thead>{RecordHeader}</thead><tbody>{rows}</tbody></table>
            <h3>Add a record</h3>
            <form method="post" action="/customers/{Html.U(customer.Id)}/zones/{Html.U(zone)}/records">{Html.Antiforgery(context)}
            <label>Type <select name="fieldType">{types}</select></label>
            <label>Sub-domain <input name="subDomain" value="www" size="10"></label>
            <label>Target <input name="target" size="22" required></label>
            <label>TTL <input name="ttl" value="3600" size="6"></label>
            <button type="submit" id="add-record">Add record</button>
            </form>
            </div>
            {answer}
            """;
    }

    private const string RecordHeader = "<tr><th>Id</th><th>Type</th><th>Sub-domain</th><th>Target</th><th>TTL</th></tr>";

    private static string RecordRow(DomainZoneRecord record) =>
        $"<tr class=\"record\"><td>{record.Id?.ToString(CultureInfo.InvariantCulture)}</td><td>{Html.E(record.FieldType?.ToString())}</td><td>{Html.E(record.SubDomain)}</td><td>{Html.E(record.Target)}</td><td>{record.Ttl?.ToString(CultureInfo.InvariantCulture)}</td></tr>";

    private static string Reconnect(HttpContext context, Customer customer, OvhApiException exception) => Banner("reconnect", "reconnect", $"""
        <h2>Reconnect OVHcloud</h2>
        <p>OVHcloud no longer accepts the marketplace's access to your account: it was revoked from your OVHcloud
        account, it expired, or it was refused (<code>{Html.E(ErrorCodeOf(exception))}</code>). Your domains are safe;
        the marketplace simply cannot see them until you connect again.</p>
        <p class="muted">OVHcloud query id: <code>{Html.E(exception.QueryId)}</code></p>
        {ConnectForm(context, customer, "Reconnect OVHcloud")}
        """);

    private static string OvhProblem(string title, OvhApiException exception) => Banner("problem", "ovh-problem", $"""
        <h3>{Html.E(title)}</h3>
        <p><code>{(int)exception.StatusCode} {Html.E(ErrorCodeOf(exception))}</code>: {Html.E(exception.OvhMessage)}</p>
        <p class="muted">OVHcloud query id (give it to OVHcloud support): <code>{Html.E(exception.QueryId)}</code></p>
        """);
}

using System.Globalization;
using System.Text;
using Clients.Origami;
using Clients.Origami.Models;
using Clients.Samples.Marketplace.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clients.Samples.Marketplace.Pages;

/// <summary>
/// <c>/origami</c>: the marketplace's sellers as the operator (user group 1), or, with <c>?group=ID</c>, the same
/// page acting as that user group: every call of the page runs inside <see cref="OrigamiContext.Use(string)"/>.
/// </summary>
internal static class OrigamiPage
{
    /// <summary>Origami's operator user group.</summary>
    public const string OperatorGroup = "1";

    /// <summary>Renders the page.</summary>
    /// <param name="context">The request.</param>
    /// <param name="group">The user group to act as; null for the operator.</param>
    /// <param name="me">The Origami user API.</param>
    /// <param name="sellers">The Origami sellers API.</param>
    /// <param name="logger">The logger.</param>
    /// <returns>The page.</returns>
    public static async Task<IResult> RenderAsync(HttpContext context, string? group, IOrigamiMeApi me, IOrigamiSellersApi sellers, ILogger<OrigamiApiException> logger)
    {
        var actingAs = string.IsNullOrWhiteSpace(group) ? OperatorGroup : group.Trim();
        if (!long.TryParse(actingAs, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            return Html.Page("Origami catalogue", CustomerPage.Banner("problem", "origami-problem", "<p>The user group must be a number.</p>"), StatusCodes.Status400BadRequest);
        }

        var title = actingAs == OperatorGroup ? "Origami catalogue — operator" : $"Origami catalogue — seller group {actingAs}";
        try
        {
            using (OrigamiContext.Use(actingAs))
            {
                var user = await me.GetMeAsync(context.RequestAborted);
                var page = await sellers.ListSellersAsync(page: 1, itemPerPage: 10, cancellationToken: context.RequestAborted);
                MarketplaceLog.OrigamiPage(logger, actingAs, page.Data.Count);
                return Html.Page(title, Switcher(user.Data, actingAs) + Sellers(page));
            }
        }
        catch (OrigamiApiException exception)
        {
            MarketplaceLog.OrigamiFailed(logger, exception.OrigamiStatusCode, exception.Context);
            var errors = string.Join("", exception.Errors.Select(e => $"<li><code>{Html.E(e.Code)}</code> {Html.E(e.Detail)}</li>"));
            return Html.Page(title, $"""
                <p><a href="/origami">Back to the operator view</a></p>
                {CustomerPage.Banner("problem", "origami-problem", $"<h2>Origami refused to act as user group {Html.E(actingAs)}</h2><p>HTTP {exception.OrigamiStatusCode}</p><ul>{errors}</ul>")}
                """);
        }
    }

    private static string Switcher(User user, string actingAs)
    {
        var options = new StringBuilder();
        foreach (var group in user.UserGroups ?? [])
        {
            var id = group.Id.ToString(CultureInfo.InvariantCulture);
            var selected = id == actingAs ? " selected" : "";
            options.Append($"""<option value="{id}"{selected}>{Html.E(group.Name)} ({Html.E(group.Type.ToString())}, id {id})</option>""");
        }

        return $"""
            <div class="card" id="origami-context">
            <p>Acting as user group <strong id="acting-as">{Html.E(actingAs)}</strong> — every call sends the header <code>context: {Html.E(actingAs)}</code>.
            API user: {Html.E(user.Email)}.</p>
            <form method="get" action="/origami"><label>Act as <select name="group" id="group">{options}</select></label>
            <button type="submit" id="switch-group">Switch</button></form>
            </div>
            """;
    }

    private static string Sellers(SellerListResponse page)
    {
        var rows = new StringBuilder();
        foreach (var seller in page.Data)
        {
            rows.Append($"""<tr class="seller"><td>{seller.Id.ToString(CultureInfo.InvariantCulture)}</td><td>{Html.E(seller.Name)}</td><td>{Html.E(seller.Email)}</td></tr>""");
        }

        var total = page.Meta?.Pagination.Total.ToString(CultureInfo.InvariantCulture) ?? "?";
        return $"""
            <div class="card" id="sellers"><h2>Sellers</h2>
            <p class="muted">Showing {page.Data.Count.ToString(CultureInfo.InvariantCulture)} of <span id="seller-total">{total}</span>.</p>
            <table><thead><tr><th>Id</th><th>Name</th><th>E-mail</th></tr></thead><tbody>{rows}</tbody></table>
            </div>
            """;
    }
}

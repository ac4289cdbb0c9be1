using System.Text;
using Clients.Samples.Marketplace.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Clients.Samples.Marketplace.Pages;

/// <summary><c>GET /</c>: the customers and where their OVHcloud delegation stands.</summary>
internal static class HomePage
{
    /// <summary>Renders the page.</summary>
    /// <param name="db">The database.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    public static async Task<IResult> RenderAsync(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var customers = await db.Customers.AsNoTracking().Include(c => c.OvhConnection).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var rows = new StringBuilder();
        foreach (var customer in customers)
        {
            var state = customer.OvhConnection?.State switch
            {
                OvhConnectionState.Connected => """<span class="ok">connected</span>""",
                OvhConnectionState.Pending => """<span class="warn">waiting for the customer</span>""",
                _ => """<span class="muted">not connected</span>""",
            };
            rows.Append($"""<tr id="customer-{Html.E(customer.Id)}"><td><a href="/customers/{Html.U(customer.Id)}">{Html.E(customer.Name)}</a></td><td>{Html.E(customer.Description)}</td><td>{state}</td></tr>""").Append('\n');
        }

        return Html.Page("Customers", $"""
            <p>Each customer delegates rights on <em>their own</em> OVHcloud account to the marketplace, which then manages
            their domains with its application key and their consumer key.</p>
            <div class="card"><table><thead><tr><th>Customer</th><th>Business</th><th>OVHcloud</th></tr></thead><tbody>
            {rows}</tbody></table></div>
            """);
    }
}

using System.Globalization;
using System.Text;
using Clients.Optimum;
using Clients.Samples.Marketplace.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clients.Samples.Marketplace.Pages;

/// <summary><c>/fleet</c>: the vehicles Optimum knows, their status and current driver, and how many are out of the fleet.</summary>
internal static class FleetPage
{
    /// <summary>Optimum's status of a vehicle that left the fleet.</summary>
    public const string OutOfFleet = "OUT_FLEET";

    /// <summary>Renders the page.</summary>
    /// <param name="context">The request.</param>
    /// <param name="vehicles">The Optimum vehicles API.</param>
    /// <param name="logger">The logger.</param>
    /// <returns>The page.</returns>
    public static async Task<IResult> RenderAsync(HttpContext context, IOptimumVehiclesApi vehicles, ILogger<OptimumApiException> logger)
    {
        try
        {
            var fleet = await vehicles.GetVehiclesAsync(context.RequestAborted);
            var outOfFleet = fleet.Count(v => string.Equals(v.Status, OutOfFleet, StringComparison.Ordinal));
            MarketplaceLog.FleetPage(logger, fleet.Count, outOfFleet);
            var rows = new StringBuilder();
            foreach (var vehicle in fleet.OrderBy(v => v.RegistrationNumber, StringComparer.Ordinal))
            {
                var driver = vehicle.CurrentDriver is { } d ? $"{d.FirstName} {d.LastName} ({d.RegistrationNumber})" : "—";
                var status = string.Equals(vehicle.Status, OutOfFleet, StringComparison.Ordinal) ? $"<span class=\"warn\">{Html.E(vehicle.Status)}</span>" : Html.E(vehicle.Status);
                rows.Append($"""<tr class="vehicle"><td>{Html.E(vehicle.RegistrationNumber)}</td><td>{status}</td><td>{Html.E(driver)}</td></tr>""");
            }

            return Html.Page("Fleet", $"""
                <div class="card" id="fleet-summary"><p><strong>{fleet.Count.ToString(CultureInfo.InvariantCulture)}</strong> vehicles,
                <strong id="out-of-fleet">{outOfFleet.ToString(CultureInfo.InvariantCulture)}</strong> out of fleet.</p></div>
                <div class="card"><table id="vehicles"><thead><tr><th>Registration</th><th>Status</th><th>Current driver</th></tr></thead><tbody>{rows}</tbody></table></div>
                """);
        }
        catch (OptimumApiException exception)
        {
            MarketplaceLog.OptimumFailed(logger, (int)exception.StatusCode);
            return Html.Page("Fleet", CustomerPage.Banner("problem", "optimum-problem", $"<h2>Optimum answered {(int)exception.StatusCode}</h2><p>{Html.E(exception.Problem?.Title)}</p>"));
        }
    }
}

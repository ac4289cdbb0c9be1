using Clients.Samples.Marketplace.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Clients.Samples.Marketplace.Hosting;

/// <summary>Healthy when the SQLite database answers a query.</summary>
internal sealed class DatabaseHealthCheck(MarketplaceDbContext db) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var customers = await db.Customers.CountAsync(cancellationToken).ConfigureAwait(false);
        return HealthCheckResult.Healthy($"{customers} customers");
    }
}

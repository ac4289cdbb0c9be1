using Microsoft.EntityFrameworkCore;

namespace Clients.Samples.Marketplace.Data;

/// <summary>The marketplace's SQLite database: customers and their (encrypted) OVHcloud consumer keys.</summary>
internal sealed class MarketplaceDbContext(DbContextOptions<MarketplaceDbContext> options) : DbContext(options)
{
    /// <summary>The customers.</summary>
    public DbSet<Customer> Customers => Set<Customer>();

    /// <summary>The OVHcloud delegations.</summary>
    public DbSet<OvhConnection> OvhConnections => Set<OvhConnection>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(customer =>
        {
            customer.HasKey(c => c.Id);
            customer.Property(c => c.Name).IsRequired();
            customer.HasOne(c => c.OvhConnection).WithOne().HasForeignKey<OvhConnection>(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<OvhConnection>(connection =>
        {
            connection.HasKey(c => c.CustomerId);
            connection.Property(c => c.ProtectedConsumerKey).IsRequired();
            connection.Property(c => c.State).HasConversion<string>();

            // SQLite has no DateTimeOffset type: store UTC ticks so ordering and comparison stay exact.
            connection.Property(c => c.RequestedAt).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
            connection.Property(c => c.ConfirmedAt).HasConversion(v => v.HasValue ? v.Value.UtcTicks : (long?)null, v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
            connection.Property(c => c.ExpiresAt).HasConversion(v => v.HasValue ? v.Value.UtcTicks : (long?)null, v => v.HasValue ? new DateTimeOffset(v.Value, TimeSpan.Zero) : null);
        });
    }
}

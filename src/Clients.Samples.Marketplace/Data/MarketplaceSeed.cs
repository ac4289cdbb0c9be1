using Microsoft.EntityFrameworkCore;

namespace Clients.Samples.Marketplace.Data;

/// <summary>Creates the database on first start and seeds the demo customers.</summary>
internal static class MarketplaceSeed
{
    /// <summary>The seeded customers: id, name, what they run.</summary>
    public static IReadOnlyList<(string Id, string Name, string Description)> Customers { get; } =
    [
        ("acme-garage", "Acme Garage", "Car repair shop; runs its booking site and mail on OVHcloud."),
        ("bistro-bleu", "Bistro Bleu", "Restaurant; wants the marketplace to manage its reservation domain."),
        ("cargo-velo", "Cargo Vélo", "Cargo-bike delivery co-op; manages a fleet through Optimum."),
    ];

    /// <summary>Creates the schema if needed and adds missing seeded customers.</summary>
    /// <param name="db">The context.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>A task.</returns>
    public static async Task EnsureSeededAsync(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        // A sample keeps its schema with EnsureCreated; a production app would use EF Core migrations.
        await db.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var existing = await db.Customers.Select(c => c.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (id, name, description) in Customers)
        {
            if (!existing.Contains(id))
            {
                db.Customers.Add(new Customer { Id = id, Name = name, Description = description });
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }
}

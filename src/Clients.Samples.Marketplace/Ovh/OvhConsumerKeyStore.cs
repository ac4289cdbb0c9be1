using Clients.Samples.Marketplace.Data;
using Microsoft.EntityFrameworkCore;

namespace Clients.Samples.Marketplace.Ovh;

/// <summary>The customers' consumer keys in the database, encrypted; the only code that sees them in clear.</summary>
internal sealed class OvhConsumerKeyStore(MarketplaceDbContext db, ConsumerKeyProtector protector, TimeProvider timeProvider)
{
    /// <summary>Stores a freshly requested key for <paramref name="customerId"/> (replacing any earlier one), pending.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="consumerKey">The key OVH returned.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public async Task SavePendingAsync(string customerId, string consumerKey, CancellationToken cancellationToken)
    {
        var connection = await db.OvhConnections.FindAsync([customerId], cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            connection = new OvhConnection { CustomerId = customerId, ProtectedConsumerKey = "" };
            db.OvhConnections.Add(connection);
        }

        connection.ProtectedConsumerKey = protector.Protect(customerId, consumerKey);
        connection.State = OvhConnectionState.Pending;
        connection.RequestedAt = timeProvider.GetUtcNow();
        connection.ConfirmedAt = null;
        connection.ExpiresAt = null;
        connection.CredentialId = null;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The customer's delegation row, if any (the key stays encrypted).</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The row or null.</returns>
    public Task<OvhConnection?> FindAsync(string customerId, CancellationToken cancellationToken) =>
        db.OvhConnections.AsNoTracking().FirstOrDefaultAsync(c => c.CustomerId == customerId, cancellationToken);

    /// <summary>The customer's consumer key in clear, whatever its state; null when there is none.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The key or null.</returns>
    public async Task<string?> GetConsumerKeyAsync(string customerId, CancellationToken cancellationToken)
    {
        var connection = await FindAsync(customerId, cancellationToken).ConfigureAwait(false);
        return connection is null ? null : protector.Unprotect(customerId, connection.ProtectedConsumerKey);
    }

    /// <summary>Marks the customer's key confirmed by OVH.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="credentialId">OVH's credential id.</param>
    /// <param name="expiresAt">OVH's expiration, if any.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public async Task ConfirmAsync(string customerId, long? credentialId, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var connection = await db.OvhConnections.FindAsync([customerId], cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Customer '{customerId}' has no OVHcloud delegation to confirm.");
        connection.State = OvhConnectionState.Connected;
        connection.CredentialId = credentialId;
        connection.ConfirmedAt = timeProvider.GetUtcNow();
        connection.ExpiresAt = expiresAt;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets the customer's key.</summary>
    /// <param name="customerId">The customer.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task.</returns>
    public Task DeleteAsync(string customerId, CancellationToken cancellationToken) =>
        db.OvhConnections.Where(c => c.CustomerId == customerId).ExecuteDeleteAsync(cancellationToken);
}

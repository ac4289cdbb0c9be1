using Clients.Ovh;
using Clients.Samples.Marketplace.Data;

namespace Clients.Samples.Marketplace.Ovh;

/// <summary>
/// Gives the OVH signing handler the consumer key of the customer named by <c>OvhConsumerKey.UseCustomer(id)</c>,
/// read from the database and decrypted. Only confirmed delegations sign calls; anything else gets no key.
/// </summary>
/// <remarks>Scoped: the OVH client resolves it in a fresh scope per lookup, so using the DbContext here is safe.</remarks>
internal sealed class DatabaseConsumerKeySource(OvhConsumerKeyStore store) : IOvhConsumerKeySource
{
    /// <inheritdoc />
    public async ValueTask<string?> GetConsumerKeyAsync(string? customerId, CancellationToken cancellationToken)
    {
        if (customerId is null)
        {
            return null;
        }

        var connection = await store.FindAsync(customerId, cancellationToken).ConfigureAwait(false);
        return connection is { State: OvhConnectionState.Connected }
            ? await store.GetConsumerKeyAsync(customerId, cancellationToken).ConfigureAwait(false)
            : null;
    }
}

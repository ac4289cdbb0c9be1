namespace Clients.Ovh;

/// <summary>
/// Supplies the consumer key to sign a request with, for example from a database or a vault keyed by customer.
/// Register your implementation after <c>AddOvhClients</c> (it replaces the default, which returns
/// <see cref="OvhOptions.ConsumerKey"/>).
/// </summary>
/// <remarks>
/// It is resolved in a fresh service scope for every request that needs it, so it may be registered scoped (and use a
/// <c>DbContext</c>); it is never captured by the pooled HTTP handlers.
/// </remarks>
public interface IOvhConsumerKeySource
{
    /// <summary>Returns the consumer key for <paramref name="customerId"/>.</summary>
    /// <param name="customerId">
    /// The customer named by <see cref="OvhConsumerKey.UseCustomer"/> or <see cref="OvhRequestOptions.CustomerId"/>;
    /// <c>null</c> when the call names none.
    /// </param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The consumer key, or <c>null</c> when there is none (the call then fails with a clear error).</returns>
    ValueTask<string?> GetConsumerKeyAsync(string? customerId, CancellationToken cancellationToken);
}

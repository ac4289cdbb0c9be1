namespace Clients.Ovh;

/// <summary>
/// Ambient consumer-key scopes: every OVH call made inside <c>using (OvhConsumerKey.Use(ck)) { ... }</c> (on this
/// asynchronous flow) is signed with <c>ck</c>, and inside <c>OvhConsumerKey.UseCustomer(id)</c> with the key that
/// <see cref="IOvhConsumerKeySource"/> returns for that customer.
/// </summary>
/// <remarks>
/// The scope rides on an <see cref="AsyncLocal{T}"/>; the handler copies it into the request's options, so nothing
/// request-specific is ever stored in a pooled handler. An explicit <see cref="OvhRequestOptions.ConsumerKey"/> on a request wins.
/// </remarks>
public static class OvhConsumerKey
{
    private static readonly AsyncLocal<OvhConsumerKeyScope?> CurrentScope = new();

    /// <summary>Signs the calls of the current flow with <paramref name="consumerKey"/> until the scope is disposed.</summary>
    /// <param name="consumerKey">The customer's consumer key.</param>
    /// <returns>The scope; dispose it to restore the previous one.</returns>
    public static IDisposable Use(string consumerKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(consumerKey);
        return Push(new OvhConsumerKeyScope(consumerKey, null));
    }

    /// <summary>
    /// Signs the calls of the current flow with the key <see cref="IOvhConsumerKeySource"/> returns for
    /// <paramref name="customerId"/>, until the scope is disposed.
    /// </summary>
    /// <param name="customerId">The application's identifier of the customer.</param>
    /// <returns>The scope; dispose it to restore the previous one.</returns>
    public static IDisposable UseCustomer(string customerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        return Push(new OvhConsumerKeyScope(null, customerId));
    }

    /// <summary>The consumer key of the current scope, if any.</summary>
    public static string? CurrentConsumerKey => CurrentScope.Value?.ConsumerKey;

    /// <summary>The customer of the current scope, if any.</summary>
    public static string? CurrentCustomerId => CurrentScope.Value?.CustomerId;

    private static Restore Push(OvhConsumerKeyScope scope)
    {
        var previous = CurrentScope.Value;
        CurrentScope.Value = scope;
        return new Restore(previous);
    }

    private sealed record OvhConsumerKeyScope(string? ConsumerKey, string? CustomerId)
    {
        public override string ToString() => $"OvhConsumerKeyScope {{ CustomerId = {CustomerId} }}";
    }

    private sealed class Restore(OvhConsumerKeyScope? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                CurrentScope.Value = previous;
            }
        }
    }
}

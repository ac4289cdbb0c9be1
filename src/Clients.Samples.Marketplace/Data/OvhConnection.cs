namespace Clients.Samples.Marketplace.Data;

/// <summary>
/// A customer's OVHcloud rights delegation: their consumer key, encrypted with ASP.NET Core Data Protection (the
/// database file never holds it in clear), and where the delegation stands.
/// </summary>
internal sealed class OvhConnection
{
    /// <summary>The customer (primary key: one delegation per customer).</summary>
    public required string CustomerId { get; init; }

    /// <summary>The consumer key, protected by <see cref="Ovh.ConsumerKeyProtector"/>. Never the key itself.</summary>
    public required string ProtectedConsumerKey { get; set; }

    /// <summary>Pending until the callback confirmed the key with <c>/auth/currentCredential</c>.</summary>
    public OvhConnectionState State { get; set; }

    /// <summary>OVH's id of the credential (not a secret), once confirmed.</summary>
    public long? CredentialId { get; set; }

    /// <summary>When the key was requested.</summary>
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>When the callback confirmed it.</summary>
    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>When OVH says the key expires (<c>null</c>: never, or not confirmed yet).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"OvhConnection {{ CustomerId = {CustomerId}, State = {State}, CredentialId = {CredentialId} }}";
}

namespace Clients.Samples.Marketplace.Data;

/// <summary>Where a customer's OVHcloud delegation stands.</summary>
internal enum OvhConnectionState
{
    /// <summary>The key was requested; the customer has not come back from OVH's validation page yet.</summary>
    Pending = 0,

    /// <summary>OVH confirmed the key (<c>/auth/currentCredential</c> said <c>validated</c>).</summary>
    Connected = 1,
}

namespace Clients.Sandbox.Ovh;

/// <summary>The states of a consumer key, as OVH's <c>auth.CredentialStateEnum</c>.</summary>
public enum OvhSandboxCredentialStatus
{
    /// <summary>Requested, not yet accepted by the customer (<c>pendingValidation</c>).</summary>
    PendingValidation,

    /// <summary>Accepted by the customer (<c>validated</c>).</summary>
    Validated,

    /// <summary>Refused by the customer (<c>refused</c>).</summary>
    Refused,

    /// <summary>Past its validity or logged out (<c>expired</c>).</summary>
    Expired,
}

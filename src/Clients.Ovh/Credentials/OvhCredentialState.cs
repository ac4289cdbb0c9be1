namespace Clients.Ovh;

/// <summary>The state of a consumer key.</summary>
public enum OvhCredentialState
{
    /// <summary>A state this client does not know.</summary>
    Unknown = 0,

    /// <summary><c>pendingValidation</c>: the customer has not accepted (or refused) yet.</summary>
    PendingValidation,

    /// <summary><c>validated</c>: usable.</summary>
    Validated,

    /// <summary><c>refused</c>: the customer refused.</summary>
    Refused,

    /// <summary><c>expired</c>: past its validity, or logged out.</summary>
    Expired,
}

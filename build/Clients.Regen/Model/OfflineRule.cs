namespace Clients.Regen.Model;

/// <summary>What RegenClients does when a document's URL cannot be reached (no network, DNS, refused connection).</summary>
internal enum OfflineRule
{
    /// <summary>Every document of the provider from its stored copy when each one matches the lock; else the committed generated code is kept.</summary>
    LockedCopies,

    /// <summary>The stored copy is the document (a warning says so): for a provider whose stored copy is maintained by hand.</summary>
    StoredCopy,
}

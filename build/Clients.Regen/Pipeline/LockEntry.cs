namespace Clients.Regen.Pipeline;

/// <summary>One pinned document: where it comes from, its sha256 and size, and when it was first pulled at that hash.</summary>
internal sealed record LockEntry(string Key, string Source, string Sha256, long Size, string PulledAt);

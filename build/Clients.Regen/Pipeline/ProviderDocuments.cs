namespace Clients.Regen.Pipeline;

/// <summary>All documents of one provider, or why the provider keeps its committed code.</summary>
internal sealed record ProviderDocuments(Model.ProviderDefinition Provider, IReadOnlyList<PulledDocument> Documents, string? KeepCommittedReason)
{
    public bool KeepCommitted => KeepCommittedReason is not null;
}

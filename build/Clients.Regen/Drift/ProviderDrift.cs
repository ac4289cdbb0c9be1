using Clients.SpecTools;

namespace Clients.Regen.Drift;

/// <summary>What CheckSpecDrift found for one provider.</summary>
/// <param name="Provider">The provider id (<c>ovh</c>).</param>
/// <param name="DocumentCount">How many documents were pulled.</param>
/// <param name="Invalid">Pulled documents that are not valid OpenAPI (HTML, truncated, bad <c>$ref</c> …), with the reason; nothing is diffed then.</param>
/// <param name="Documents">Per-document facts: <c>sha256 … differs from the lock's …</c>, <c>not in the lock</c> ….</param>
/// <param name="Diff">The semantic diff of the committed documents against the pulled ones, when there is one.</param>
/// <param name="Members">The generated C# members each change touches, keyed by the change.</param>
/// <param name="MemberChanges">Every generated member that regeneration would remove, add or change.</param>
/// <param name="StaleFiles">Generated files that differ from what the pulled documents generate.</param>
/// <param name="Skipped">Why the provider was not checked (no source reachable), or null.</param>
internal sealed record ProviderDrift(
    string Provider,
    int DocumentCount,
    IReadOnlyList<string> Invalid,
    IReadOnlyList<string> Documents,
    SpecDiffReport? Diff,
    IReadOnlyDictionary<SpecChange, IReadOnlyList<string>> Members,
    IReadOnlyList<MemberChange> MemberChanges,
    IReadOnlyList<string> StaleFiles,
    string? Skipped = null)
{
    public bool IsInvalid => Invalid.Count > 0;

    public bool Drifted => IsInvalid || Documents.Count > 0 || StaleFiles.Count > 0 || Diff is { HasChanges: true };

    /// <summary>
    /// Breaking: a breaking semantic change, a document that cannot be compared, or generated files that are stale while
    /// every document matches its lock (someone edited <c>Generated/</c>, or the generator changed without a regeneration).
    /// </summary>
    public bool Breaking =>
        Diff is { HasBreakingChanges: true }
        || Documents.Any(static d => d.Contains("not available", StringComparison.Ordinal))
        || (StaleFiles.Count > 0 && Documents.Count == 0 && Diff is not { HasChanges: true });
}

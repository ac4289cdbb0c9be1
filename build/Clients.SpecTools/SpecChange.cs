namespace Clients.SpecTools;

/// <summary>One semantic difference between two versions of a provider's documents.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Document">The document key (e.g. <c>v1/domain</c>).</param>
/// <param name="Subject">
/// The thing that changed: <c>GET /domain/zone/{zoneName}</c>, <c>schema domain.zone.Record</c>, or the document key.
/// </param>
/// <param name="Detail">Where inside the subject and how, e.g. <c>parameter 'id' (query) added, required</c>.</param>
/// <param name="Breaking">Whether code or clients built from the old document may break (see <see cref="SpecDiff"/>).</param>
public sealed record SpecChange(SpecChangeKind Kind, string Document, string Subject, string Detail, bool Breaking)
{
    /// <summary>
    /// For <see cref="SpecChangeKind.SchemaChanged"/>: the operations (<c>METHOD path</c>, sorted) whose request or
    /// success responses reach the schema, directly or through other schemas. Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> AffectedOperations { get; init; } = [];

    /// <summary>One line: breaking flag, document, subject, detail.</summary>
    /// <returns>The line used by <see cref="SpecDiffReport.ToText"/>.</returns>
    public override string ToString() => $"{(Breaking ? "BREAKING" : "non-breaking")} {Document}: {Subject}: {Detail}";
}

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
    /// For <see cref="SpecChangeKind.SchemaChanged"/> and <see cref="SpecChangeKind.SchemaRemoved"/>: the operations
    /// (<c>METHOD path</c>, by path then method) whose parameters, request body or success responses reach the schema,
    /// directly or through other schemas, in either version. Empty otherwise.
    /// </summary>
    public IReadOnlyList<string> AffectedOperations { get; init; } = [];

    /// <summary>Value equality, including <see cref="AffectedOperations"/> element by element.</summary>
    /// <param name="other">The change to compare with.</param>
    /// <returns>Whether both describe the same change.</returns>
    public bool Equals(SpecChange? other) =>
        other is not null
        && Kind == other.Kind
        && Breaking == other.Breaking
        && string.Equals(Document, other.Document, StringComparison.Ordinal)
        && string.Equals(Subject, other.Subject, StringComparison.Ordinal)
        && string.Equals(Detail, other.Detail, StringComparison.Ordinal)
        && AffectedOperations.SequenceEqual(other.AffectedOperations, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Breaking, Document, Subject, Detail, AffectedOperations.Count);

    /// <summary>One line: breaking flag, document, subject, detail.</summary>
    /// <returns>The line used by <see cref="SpecDiffReport.ToText()"/>.</returns>
    public override string ToString() => $"{(Breaking ? "BREAKING" : "non-breaking")} {Document}: {Subject}: {Detail}";
}

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>
/// A known, listed reason why documents of the corpus do not yet go all the way through (generated, compiled, every
/// operation called without a client-side exception or a malformed request), with its issue-sized plan. The sweep fails
/// on any failure no entry explains, and on an entry that explains nothing any more (fixed: remove it).
/// </summary>
/// <param name="Documents">A document's file name, or a form (<c>Swagger 2.0</c>, <c>YAML</c>, <c>BOM</c>) every document of which it covers.</param>
/// <param name="Failure">Text every failure line it explains contains (RegenClients' message, a compiler diagnostic id, …).</param>
/// <param name="Reason">Why, in a sentence.</param>
/// <param name="Plan">The issue-sized plan that removes it.</param>
internal sealed record CorpusException(string Documents, string Failure, string Reason, string Plan)
{
    public bool Covers(CorpusRow row) =>
        row.Document.Name == Documents || row.Form.Contains(Documents, StringComparison.Ordinal);

    public bool Explains(string failure) => failure.Contains(Failure, StringComparison.Ordinal);
}

using System.Text.RegularExpressions;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>
/// A known, listed reason why documents of the corpus do not yet go all the way through (generated, compiled, every
/// operation called without a client-side exception or a malformed request), with its issue-sized plan. The sweep fails
/// on any failure no entry explains, and on an entry that no longer happens to a document it names (fixed: remove it).
/// </summary>
/// <param name="Documents">File names, or forms (<c>Swagger 2.0</c>, <c>YAML</c>, <c>BOM</c>) every document of which it covers.</param>
/// <param name="Failure">A regular expression every failure line it explains matches (RegenClients' message, a diagnostic id, a call's path, …).</param>
/// <param name="Reason">Why, in a sentence.</param>
/// <param name="Plan">The issue-sized plan that removes it.</param>
internal sealed record CorpusException(string[] Documents, string Failure, string Reason, string Plan)
{
    public bool Covers(CorpusRow row) =>
        Documents.Any(d => row.Document.Name == d || row.Form.Contains(d, StringComparison.Ordinal));

    public bool Explains(string failure) => Regex.IsMatch(failure, Failure);
}

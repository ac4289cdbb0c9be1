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
/// <param name="Applies">When the entry is in force: <see cref="CorpusStage.Always"/>, or only while the reader is missing, or only once the reader is there.</param>
internal sealed record CorpusException(string[] Documents, string Failure, string Reason, string Plan, CorpusStage Applies = CorpusStage.Always)
{
    public bool InForce => Applies switch
    {
        CorpusStage.WithoutReader => !CorpusReading.ReaderAvailable,
        CorpusStage.WithReader => CorpusReading.ReaderAvailable,
        CorpusStage.WithEmulator => CorpusReading.ReaderAvailable && CorpusEmulator.Available,
        _ => true,
    };

    public bool Covers(CorpusRow row) =>
        InForce && Documents.Any(d => row.Document.Name == d || row.Form.Contains(d, StringComparison.Ordinal));

    public bool Explains(string failure) => Regex.IsMatch(failure, Failure);
}

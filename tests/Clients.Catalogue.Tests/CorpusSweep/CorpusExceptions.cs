namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>The listed exceptions of the corpus sweep (see <see cref="CorpusException"/>); docs/benchmarks/corpus.md has the figures.</summary>
internal static class CorpusExceptions
{
    public static IReadOnlyList<CorpusException> All { get; } =
    [
        new("Swagger 2.0", "not an OpenAPI 3.x document",
            "RegenClients reads OpenAPI 3.x only: a Swagger 2.0 document is refused before generation.",
            "Issue 17, Reading (branch h/reader): one reader for every slot (Swagger 2.0 upgraded to the 3.x model in memory); then this entry goes."),
        new("YAML", "received YAML",
            "RegenClients reads the JSON form only: a YAML document is refused before generation.",
            "Issue 17, Reading (branch h/reader): JSON or YAML through the same reader; then this entry goes."),
        new("BOM", "not valid JSON",
            "A UTF-8 byte-order mark is refused by the emitter's JSON parser (the validator strips it, the emitter does not).",
            "Issue 17, Reading (branch h/reader): the reader strips a UTF-8 BOM and reads UTF-16 with a BOM; then this entry goes."),
    ];
}

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>The listed exceptions of the corpus sweep (see <see cref="CorpusException"/>); docs/benchmarks/corpus.md has the figures.</summary>
internal static class CorpusExceptions
{
    private static readonly string[] FragmentPaths =
        ["amazonaws.com_cognito-identity_2014-06-30.json", "amazonaws.com_ds_2015-04-16.json", "amazonaws.com_elasticache_2015-02-02.json", "amazonaws.com_elasticmapreduce_2009-03-31.json"];

    public static IReadOnlyList<CorpusException> All { get; } =
    [
        // Calls that fail (the emulator serving the same document says the request is malformed, or the client cannot read the answer).
        new(["pandorabots.com_1.0.0.json"], "the operation takes application/xml",
            "A request body the document declares only as `application/xml` is generated as a JSON body.",
            "Emitter: a body with no JSON media type becomes `HttpContent` (or `Stream`/`string` for binary/text) sent with the document's media type; the sweep then builds such a body from the media type; about a day."),
        new(FragmentPaths, "call POST /#",
            "AWS's documents key operations by URL fragments (`/#DeleteIdentities`, told apart on the wire by the `X-Amz-Target` header only): a fragment never reaches a server, so every call arrives as `POST /`, and the emulator answers it as the first such operation and refuses its body.",
            "Emulator: operations whose paths differ only by a fragment are routed by their declared header (`X-Amz-Target`) or content; generator: a warning that a fragment is not sent; about a day."),
    ];
}

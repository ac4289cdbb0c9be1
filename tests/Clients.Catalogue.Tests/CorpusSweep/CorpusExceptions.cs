namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>The listed exceptions of the corpus sweep (see <see cref="CorpusException"/>); docs/benchmarks/corpus.md has the figures.</summary>
internal static class CorpusExceptions
{
    private static readonly string[] QueryNamedQuery = ["freesound.org_2.0.0.json", "googleapis.com_kgsearch_v1.json", "refugerestrooms.org_v1.json", "trello.com_1.0.json"];
    private static readonly string[] FormBodies = ["cambase.io_1.0.json", "netlicensing.io_2.x.json", "oai-v3.0-uspto.yaml"];
    private static readonly string[] FragmentPaths =
        ["amazonaws.com_cognito-identity_2014-06-30.json", "amazonaws.com_ds_2015-04-16.json", "amazonaws.com_elasticache_2015-02-02.json", "amazonaws.com_elasticmapreduce_2009-03-31.json"];

    public static IReadOnlyList<CorpusException> All { get; } =
    [
        // Generated code that does not compile.
        new(QueryNamedQuery, "'query'|GeneratedQueryStringBuilder",
            "A query parameter named `query` meets the local `query` the generator's implementation declares (CS0136, then CS0019/CS1503/CS0029).",
            "Issue 17, 'Generated code that cannot collide' (branch h/names): every identifier the emitters declare chosen so no document name can meet it; a generator test with parameters named after every local."),
        new(["bbc.co.uk_1.0.0.json"], "RF006",
            "A query parameter that is an array of untyped items becomes `IReadOnlyList<JsonElement>?`, which Refit's generated request building cannot flatten (Refit's analyzer RF006, an error with warnings as errors).",
            "Emitter: an array query parameter whose items have no type becomes `IReadOnlyList<string>?` (what a query string carries), with a generator test and RF006 checked over it; about half a day."),

        // Calls that fail (the emulator serving the same document says the request is malformed, or the client cannot read the answer).
        new(FormBodies, "the operation takes application/x-www-form-urlencoded",
            "An `application/x-www-form-urlencoded` request body is generated as a JSON body, so the request goes out as JSON and the strict emulator refuses it.",
            "Issue 17, typed polymorphism / form bodies (branch h/poly): `application/x-www-form-urlencoded` → a typed body sent URL-encoded (Refit's `BodySerializationMethod.UrlEncoded`)."),
        new(["pandorabots.com_1.0.0.json"], "the operation takes application/xml",
            "A request body the document declares only as `application/xml` is generated as a JSON body.",
            "Emitter: a body with no JSON media type becomes `HttpContent` (or `Stream`/`string` for binary/text) sent with the document's media type; the sweep then builds such a body from the media type; about a day."),
        new(FragmentPaths, "call POST /#",
            "AWS's documents key operations by URL fragments (`/#DeleteIdentities`, told apart on the wire by the `X-Amz-Target` header only): a fragment never reaches a server, so every call arrives as `POST /`, and the emulator answers it as the first such operation and refuses its body.",
            "Emulator: operations whose paths differ only by a fragment are routed by their declared header (`X-Amz-Target`) or content; generator: a warning that a fragment is not sent; about a day."),
        new(["amazonaws.com_ds_2015-04-16.json"], "does not match the pattern",
            "The sweep's sample strings ignore a schema's `pattern` (`^d-[0-9a-f]{10}$`), so the strict emulator refuses the sample body.",
            "Sweep (SampleValues): a string for a `pattern` (from its example, else generated from the common regular-expression forms: classes, counts, literals), with a unit test per pattern of the corpus; about half a day."),
        new(["bitbucket.org_2.0.json", "github.com_v3.json"], "could not be converted to",
            "The answer the emulator synthesizes for these operations does not fit the contract the emitter generated for the same schema (an inline object under a property is read as another shape), so deserialization fails on the client.",
            "Write one failing case per document as an engine + emitter test (the schema, the synthesized JSON, the generated type); fix the side that departs from the document (emitter typing or emulator synthesis); about a day."),
        new(["github.com_v3.json"], "The response ended prematurely",
            "For `PUT /teams/{teamId}/members/{username}` the emulator's answer is cut off (the client reads a truncated response).",
            "Emulator: reproduce with the GitHub document in an engine test (the success status and its declared body); answer a bodyless status without a body; about half a day."),
    ];
}

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>The listed exceptions of the corpus sweep (see <see cref="CorpusException"/>); docs/benchmarks/corpus.md has the figures.</summary>
internal static class CorpusExceptions
{
    private static readonly string[] FragmentPaths =
        ["amazonaws.com_cognito-identity_2014-06-30.json", "amazonaws.com_ds_2015-04-16.json", "amazonaws.com_elasticache_2015-02-02.json", "amazonaws.com_elasticmapreduce_2009-03-31.json"];

    public static IReadOnlyList<CorpusException> All { get; } =
    [
        // Generated code that does not compile.
        new(["bbc.co.uk_1.0.0.json"], "RF006",
            "A query parameter that is an array of untyped items becomes `IReadOnlyList<JsonElement>?`, which Refit's generated request building cannot flatten (Refit's analyzer RF006, an error with warnings as errors).",
            "Emitter: an array query parameter whose items have no type becomes `IReadOnlyList<string>?` (what a query string carries), with a generator test and RF006 checked over it; about half a day."),

        // Calls that fail (the emulator serving the same document says the request is malformed, or the client cannot read the answer).
        new(["pandorabots.com_1.0.0.json"], "the operation takes application/xml",
            "A request body the document declares only as `application/xml` is generated as a JSON body.",
            "Emitter: a body with no JSON media type becomes `HttpContent` (or `Stream`/`string` for binary/text) sent with the document's media type; the sweep then builds such a body from the media type; about a day."),
        new(FragmentPaths, "call POST /#",
            "AWS's documents key operations by URL fragments (`/#DeleteIdentities`, told apart on the wire by the `X-Amz-Target` header only): a fragment never reaches a server, so every call arrives as `POST /`, and the emulator answers it as the first such operation and refuses its body.",
            "Emulator: operations whose paths differ only by a fragment are routed by their declared header (`X-Amz-Target`) or content; generator: a warning that a fragment is not sent; about a day."),
        new(["freesound.org_2.0.0.json"], @"\[group_by_pack\] Given data \(7\) is out of the allowed range",
            "The sweep's sample integer for a query parameter ignores the schema's `maximum` (`group_by_pack` is 0..1), so the strict emulator refuses it; the client sent what it was given.",
            "Sweep (SampleValues): numbers drawn inside `minimum`/`maximum` (and `multipleOf`), with a unit test per bounded parameter of the corpus; an hour."),
        new(["netlicensing.io_2.x.json"], "does not belong to the enumeration",
            "The sweep fills a form-urlencoded body's string fields with `sample-{name}`, ignoring the schema's `enum`, so the strict emulator refuses the field; the form body itself is now sent URL-encoded as the document says.",
            "Sweep (SampleValues): a form body's fields sampled like JSON properties (an enum's first value), one code path for both; an hour."),
        new(["amazonaws.com_ds_2015-04-16.json"], "does not match the pattern",
            "The sweep's sample strings ignore a schema's `pattern` (`^d-[0-9a-f]{10}$`), so the strict emulator refuses the sample body.",
            "Sweep (SampleValues): a string for a `pattern` (from its example, else generated from the common regular-expression forms: classes, counts, literals), with a unit test per pattern of the corpus; about half a day."),
    ];
}

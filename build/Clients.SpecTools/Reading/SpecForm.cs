namespace Clients.SpecTools.Reading;

/// <summary>What a document was before <see cref="SpecReader"/> normalized it.</summary>
/// <param name="Version">The declared version: <c>2.0</c> (Swagger), <c>3.0.1</c>, <c>3.1.0</c>…</param>
/// <param name="Syntax">JSON or YAML.</param>
/// <param name="Encoding">The text encoding: <c>UTF-8</c>, <c>UTF-8 with BOM</c>, <c>UTF-16 LE with BOM</c>…</param>
/// <param name="Upgraded">Whether the document was converted to OpenAPI 3.0 (a Swagger 2.0 document).</param>
/// <param name="BundledFiles">The local files whose <c>$ref</c> targets were bundled in, relative to the document.</param>
internal sealed record SpecForm(string Version, SpecSyntax Syntax, string Encoding, bool Upgraded, IReadOnlyList<string> BundledFiles)
{
    /// <summary>Whether the normalized JSON is the original bytes (only a UTF-8 BOM removed).</summary>
    public bool Verbatim => !Upgraded && Syntax == SpecSyntax.Json && BundledFiles.Count == 0 && Encoding.StartsWith("UTF-8", StringComparison.Ordinal);

    public bool IsSwagger2 => Version.StartsWith('2');

    /// <inheritdoc />
    public override string ToString() =>
        (IsSwagger2 ? "Swagger " : "OpenAPI ") + Version + " " + (Syntax == SpecSyntax.Json ? "JSON" : "YAML") + " (" + Encoding + ")"
        + (Upgraded ? ", upgraded to OpenAPI 3.0" : string.Empty)
        + (BundledFiles.Count > 0 ? ", bundled with " + string.Join(", ", BundledFiles) : string.Empty);
}

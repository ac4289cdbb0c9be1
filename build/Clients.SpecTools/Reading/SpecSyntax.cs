namespace Clients.SpecTools.Reading;

/// <summary>How a document was written, detected from its content (never from its file name).</summary>
internal enum SpecSyntax
{
    Json,
    Yaml,
}

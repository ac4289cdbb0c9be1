using System.Text.Json;

namespace Clients.SpecTools.Reading;

/// <summary>
/// A document as OpenAPI 3.x JSON: <see cref="Json"/> (UTF-8, no BOM; the original bytes when <see cref="SpecForm.Verbatim"/>)
/// and <see cref="Document"/>, parsed from it, which the caller owns (and disposes when it is done with it).
/// </summary>
internal sealed record SpecReadResult(ReadOnlyMemory<byte> Json, JsonDocument Document, SpecForm Form);

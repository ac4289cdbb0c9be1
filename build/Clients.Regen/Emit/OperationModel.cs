using System.Text.Json;

namespace Clients.Regen.Emit;

/// <summary>One HTTP operation as read from a document, before naming.</summary>
internal sealed record OperationModel(
    SpecDocument Document,
    string Interface,
    string Method,
    string Path,
    string RefitPath,
    JsonElement Operation,
    IReadOnlyList<JsonElement> Parameters);

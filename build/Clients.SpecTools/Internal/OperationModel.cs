namespace Clients.SpecTools.Internal;

/// <summary>The parts of an operation the diff compares.</summary>
internal sealed record OperationModel(
    string Key,
    string Method,
    string Path,
    string? OperationId,
    string? Summary,
    IReadOnlyList<string> Tags,
    bool Deprecated,
    IReadOnlyDictionary<string, ParameterModel> Parameters,
    BodyModel? RequestBody,
    IReadOnlyDictionary<string, BodyModel> SuccessResponses)
{
    /// <summary>How the operation is named in reports: <c>GET /domain/zone/{zoneName}</c>.</summary>
    public string Subject { get; } = $"{Method} {Path}";
}

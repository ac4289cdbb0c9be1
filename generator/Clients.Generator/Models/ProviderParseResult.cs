namespace Clients.Generator.Models;

/// <summary>What the parser makes of one marker attribute class declared in the compilation: its provider (or none) and diagnostics.</summary>
internal sealed record ProviderParseResult(ProviderModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

namespace Clients.Generator.Models;

/// <summary>What the parser makes of one attributed interface: a model to emit (or none) and diagnostics.</summary>
internal sealed record InterfaceResult(InterfaceModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

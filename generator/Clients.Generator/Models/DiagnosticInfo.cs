using Microsoft.CodeAnalysis;

namespace Clients.Generator.Models;

/// <summary>A diagnostic to report, kept as plain values (descriptor id, arguments, location stand-in).</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public Diagnostic ToDiagnostic()
    {
        var descriptor = Diagnostics.DiagnosticDescriptors.ById(Id);
        return Diagnostic.Create(descriptor, Location?.ToLocation(), [.. Arguments]);
    }
}

namespace Clients.Regen.Drift;

/// <summary>The tool's exit codes for <c>check</c>; the MSBuild target maps them to errors according to <c>SpecDriftFailOn</c>.</summary>
internal static class DriftOutcome
{
    /// <summary>Every document matches its lock and the generated code is current.</summary>
    public const int NoDrift = 0;

    /// <summary>A document could not be pulled, or a pulled document is invalid.</summary>
    public const int Error = 1;

    /// <summary>Only non-breaking drift (additions, relaxations).</summary>
    public const int NonBreaking = 3;

    /// <summary>At least one breaking change.</summary>
    public const int Breaking = 4;
}

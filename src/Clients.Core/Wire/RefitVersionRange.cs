using System;

namespace Clients.Core.Wire;

/// <summary>
/// The Refit versions the generated implementations are built for: they call Refit's request-building helpers
/// (<c>GeneratedRequestRunner</c>, <c>GeneratedQueryStringBuilder</c>), which Refit marks <c>EditorBrowsable(Never)</c> and may
/// change in any major version. One rule, compiled into Clients.Core (the run-time guard in
/// <c>ClientProviderBuilder.AddClient</c>) and, as linked source, into Clients.Generator (diagnostic CLG006); the
/// packages' dependency on Refit is the same range (<c>Directory.Packages.props</c>, checked by a test).
/// </summary>
internal static class RefitVersionRange
{
    /// <summary>The range as NuGet writes it.</summary>
    public const string Text = "[16.4.0, 17.0.0)";

    /// <summary>The lowest supported version (inclusive).</summary>
    public static readonly Version Minimum = new(16, 4, 0);

    /// <summary>The first unsupported version above the range (exclusive).</summary>
    public static readonly Version MaximumExclusive = new(17, 0, 0);

    /// <summary>Whether <paramref name="version"/> lies in the range.</summary>
    /// <param name="version">A Refit package version.</param>
    /// <returns><see langword="true"/> for 16.4.0 up to, not including, 17.0.0.</returns>
    public static bool Contains(Version version) => version >= Minimum && version < MaximumExclusive;

    /// <summary>
    /// Reads a package version from an assembly's informational version (<c>16.4.0+a1b2c3</c>, <c>17.0.0-beta.2</c>):
    /// the three leading numbers, build metadata and prerelease labels dropped.
    /// </summary>
    /// <param name="informationalVersion">The value of <c>AssemblyInformationalVersionAttribute</c>.</param>
    /// <param name="version">The version read.</param>
    /// <returns>Whether a version could be read.</returns>
    public static bool TryParse(string? informationalVersion, out Version version)
    {
        version = new Version(0, 0, 0);
        if (informationalVersion is null)
        {
            return false;
        }

        var end = informationalVersion.IndexOfAny(['+', '-', ' ']);
        var core = end < 0 ? informationalVersion : informationalVersion.Substring(0, end);
        if (!Version.TryParse(core, out var parsed) || parsed is null)
        {
            return false;
        }

        version = new Version(parsed.Major, parsed.Minor, Math.Max(parsed.Build, 0));
        return true;
    }
}

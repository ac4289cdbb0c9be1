using System.Reflection;
using Refit;

namespace Clients.Core.Wire;

/// <summary>
/// Whether the Refit loaded at run time is one the generated implementations were built for
/// (<see cref="RefitVersionRange"/>). Restore (the packages' dependency range) and the build (CLG006) already refuse
/// any other; this guard covers what gets past them (a binding redirect, a copied DLL): then every interface keeps
/// Refit's own stub, which only calls Refit's public API, never a generated implementation that calls its internals.
/// </summary>
internal static class RefitRuntime
{
    /// <summary>Whether the loaded Refit lies in <see cref="RefitVersionRange"/>.</summary>
    public static bool GeneratedImplementationsSupported { get; } = IsSupported(typeof(RefitSettings).Assembly);

    /// <summary>Whether <paramref name="refit"/> (a Refit assembly) lies in <see cref="RefitVersionRange"/>.</summary>
    /// <param name="refit">The Refit assembly.</param>
    /// <returns>Whether the generated implementations may be used with it.</returns>
    public static bool IsSupported(Assembly refit)
    {
        // Read through CustomAttributeData: the assembly may be loaded for inspection only.
        string? informational = null;
        foreach (var attribute in refit.GetCustomAttributesData())
        {
            if (attribute.AttributeType.FullName == typeof(AssemblyInformationalVersionAttribute).FullName
                && attribute.ConstructorArguments is [{ Value: string value }])
            {
                informational = value;
            }
        }

        if (RefitVersionRange.TryParse(informational, out var version))
        {
            return RefitVersionRange.Contains(version);
        }

        return refit.GetName().Version?.Major == RefitVersionRange.Minimum.Major;
    }
}

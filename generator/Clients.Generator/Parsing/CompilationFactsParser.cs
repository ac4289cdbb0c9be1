using System.Linq;
using Clients.Core.Wire;
using Clients.Generator.Models;
using Microsoft.CodeAnalysis;

namespace Clients.Generator.Parsing;

/// <summary>Reads the compilation-wide facts (the only place that looks at the compilation as a whole).</summary>
internal static class CompilationFactsParser
{
    private const string InformationalVersionAttribute = "System.Reflection.AssemblyInformationalVersionAttribute";

    public static CompilationFacts Parse(Compilation compilation) => new(
        compilation.AssemblyName ?? "Assembly",
        compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ModuleInitializerAttribute") is not null,
        UnsupportedRefitVersion(compilation));

    // Refit's assembly version carries only the major (16.0.0.0); its informational version is the package version.
    private static string? UnsupportedRefitVersion(Compilation compilation)
    {
        var refit = compilation.GetTypeByMetadataName("Refit.RefitSettings")?.ContainingAssembly;
        if (refit is null || SymbolEqualityComparer.Default.Equals(refit, compilation.Assembly))
        {
            return null;
        }

        var informational = refit.GetAttributes()
            .FirstOrDefault(static a => a.AttributeClass?.ToDisplayString() == InformationalVersionAttribute)?
            .ConstructorArguments.FirstOrDefault().Value as string;
        if (RefitVersionRange.TryParse(informational, out var version))
        {
            return RefitVersionRange.Contains(version) ? null : version.ToString(3);
        }

        // No informational version: the assembly version's major is all there is to go by.
        var major = refit.Identity.Version.Major;
        return major == RefitVersionRange.Minimum.Major ? null : refit.Identity.Version.ToString();
    }
}

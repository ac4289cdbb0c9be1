using System.Reflection;

namespace Clients.Testing;

/// <summary>The Refit assemblies of the packages <c>tests/Shared/RefitOutsideRange.props</c> downloads.</summary>
internal static class RefitPackages
{
    /// <summary>Refit 16.3.0: below the supported range.</summary>
    public static string Below => Path("16.3.0");

    /// <summary>Refit 17.0.0: above the supported range.</summary>
    public static string Above => Path("17.0.0");

    private static string Path(string version)
    {
        var root = typeof(RefitPackages).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "RefitPackageRoot")?.Value
            ?? throw new InvalidOperationException("No RefitPackageRoot metadata: import tests/Shared/RefitOutsideRange.props.");
        var file = System.IO.Path.Combine(root, version, "lib", "net10.0", "Refit.dll");
        return File.Exists(file) ? file : throw new FileNotFoundException($"Refit {version} was not downloaded (PackageDownload in RefitOutsideRange.props).", file);
    }
}

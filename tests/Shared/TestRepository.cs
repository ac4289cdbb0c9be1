using System.Reflection;

namespace Clients.Testing;

/// <summary>
/// Where this checkout lives, as MSBuild saw it when the test assembly was built (Directory.Build.props writes it as
/// assembly metadata). Not <c>[CallerFilePath]</c>: deterministic CI builds (CI=true → ContinuousIntegrationBuild) map
/// source paths to <c>/_/</c>, which is no directory on disk.
/// </summary>
internal static class TestRepository
{
    private static readonly Lazy<string> RootDirectory = new(Locate);

    /// <summary>The repository root (holds Clients.sln).</summary>
    public static string Root => RootDirectory.Value;

    /// <summary>A path under the repository root.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Locate()
    {
        var root = typeof(TestRepository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "ClientsRepositoryRoot")?.Value;
        if (string.IsNullOrEmpty(root))
        {
            throw new InvalidOperationException(
                $"{typeof(TestRepository).Assembly.GetName().Name} carries no ClientsRepositoryRoot metadata; Directory.Build.props adds it to every project under tests/.");
        }

        root = System.IO.Path.GetFullPath(root);
        return File.Exists(System.IO.Path.Combine(root, "Clients.sln"))
            ? root
            : throw new DirectoryNotFoundException($"The repository root recorded at build time ({root}) holds no Clients.sln; rebuild the tests from this checkout.");
    }
}

namespace Clients.Ovh.Tests.Support;

/// <summary>The OVH documents committed in the repository (<c>specs/ovh</c>): what the emulator embeds and serves by default.</summary>
internal static class RepositorySpecs
{
    public static string OvhDirectory { get; } = Locate();

    public static string OvhDocument(string version, string universe) =>
        Path.Combine(OvhDirectory, version, universe.TrimStart('/').Replace('/', Path.DirectorySeparatorChar) + ".json");

    private static string Locate()
    {
        var directory = Clients.Testing.TestRepository.Path("specs", "ovh");
        return Directory.Exists(Path.Combine(directory, "v1"))
            ? directory
            : throw new DirectoryNotFoundException($"The committed OVH documents are expected in {directory}.");
    }
}

namespace Clients.SpecTools.Reading;

/// <summary>Loads the files a document's local external <c>$ref</c>s name (<c>./schemas/pet.yaml</c>), relative to a folder.</summary>
internal static class SiblingFiles
{
    /// <summary>A loader for files relative to <paramref name="directory"/>; null for a missing file.</summary>
    public static Func<string, byte[]?> In(string directory) => relative =>
    {
        var path = Path.GetFullPath(Path.Combine(directory, relative.Replace('/', Path.DirectorySeparatorChar)));
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    };

    /// <summary>A loader for the files next to <paramref name="documentPath"/>, or null when it is not a local file (a URL).</summary>
    public static Func<string, byte[]?>? NextTo(string? documentPath)
    {
        if (string.IsNullOrEmpty(documentPath) || documentPath.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(documentPath));
        return directory is null ? null : In(directory);
    }
}

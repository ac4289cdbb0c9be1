namespace Clients.Regen.Tests;

/// <summary>
/// Compares generated files with committed baselines (<c>{file}.txt</c> under a folder of this test project);
/// <c>UPDATE_GOLDEN=1</c> rewrites the folder first, for review in the diff.
/// </summary>
internal static class GoldenFiles
{
    /// <summary>Asserts that <paramref name="files"/> are exactly the baselines in <paramref name="folder"/>.</summary>
    /// <param name="files">Generated files by relative path.</param>
    /// <param name="folder">The baseline folder's name under <c>tests/Clients.Regen.Tests</c>.</param>
    public static void ShouldMatch(IReadOnlyDictionary<string, string> files, string folder)
    {
        var golden = Clients.Testing.TestRepository.Path("tests", "Clients.Regen.Tests", folder);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            if (Directory.Exists(golden))
            {
                Directory.Delete(golden, recursive: true);
            }

            foreach (var (relative, content) in files)
            {
                var target = Path.Combine(golden, relative + ".txt");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllText(target, content);
            }
        }

        var baselines = Directory.EnumerateFiles(golden, "*.txt", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(golden, f).Replace('\\', '/')[..^".txt".Length], File.ReadAllText);
        files.Keys.Should().BeEquivalentTo(baselines.Keys);
        foreach (var (relative, content) in files)
        {
            content.Should().Be(baselines[relative], $"{relative} should match {folder}/{relative}.txt (UPDATE_GOLDEN=1 rewrites it)");
        }
    }
}

using System.Text;

namespace Clients.Regen.Pipeline;

/// <summary>
/// <c>{stamps}/{provider}.stamp</c> (git-ignored: <c>build/Clients.Regen/obj/regen-stamps</c> here, the consumer's <c>obj/</c> in a consumer project): the hash of the inputs (tool + documents) of the last generation
/// and the hash of every file it wrote. When both still hold, a run has nothing to do.
/// </summary>
internal static class GenerationStamp
{
    public static string InputsHash(IEnumerable<PulledDocument> documents)
    {
        var text = new StringBuilder();
        text.Append("tool ").Append(ToolFingerprint.Value).Append('\n');
        foreach (var document in documents.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            text.Append(document.Key).Append(' ').Append(document.Sha256).Append('\n');
        }

        return Hashing.Sha256(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static bool IsUpToDate(string stamps, string provider, string generatedDirectory, string inputsHash)
    {
        var path = PathFor(stamps, provider);
        if (!File.Exists(path))
        {
            return false;
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != "inputs " + inputsHash)
        {
            return false;
        }

        var recorded = lines.Skip(1).Select(l => l.Split(' ', 2)).ToDictionary(p => p[1], p => p[0], StringComparer.Ordinal);
        var actual = GeneratedFiles(generatedDirectory);
        return recorded.Count == actual.Count
               && actual.All(file => recorded.TryGetValue(file.Key, out var hash) && hash == Hashing.Sha256(File.ReadAllBytes(file.Value)));
    }

    public static void Write(string stamps, string provider, string inputsHash, IReadOnlyDictionary<string, string> files)
    {
        var text = new StringBuilder().Append("inputs ").Append(inputsHash).Append('\n');
        foreach (var (relative, content) in files)
        {
            text.Append(Hashing.Sha256(Encoding.UTF8.GetBytes(content))).Append(' ').Append(relative).Append('\n');
        }

        AtomicFile.WriteIfChanged(PathFor(stamps, provider), Encoding.UTF8.GetBytes(text.ToString()));
    }

    /// <summary>Generated files (relative path with <c>/</c> → full path).</summary>
    public static SortedDictionary<string, string> GeneratedFiles(string generatedDirectory)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Directory.Exists(generatedDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(generatedDirectory, "*.g.cs", SearchOption.AllDirectories))
            {
                result[Path.GetRelativePath(generatedDirectory, file).Replace('\\', '/')] = file;
            }
        }

        return result;
    }

    private static string PathFor(string stamps, string provider) => Path.Combine(stamps, provider + ".stamp");
}

using Clients.Testing;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>
/// The documents the corpus sweep reads: the public documents of <c>../shared/corpus</c> (<c>CLIENTS_CORPUS</c>, else
/// the <c>corpus</c> folder beside <c>CLIENTS_SPEC_MIRROR</c>; read in place, never copied into the repository) and
/// the ones committed with their source and licence under <c>tests/Clients.Catalogue.Tests/Corpus</c>.
/// </summary>
internal static class CorpusSource
{
    /// <summary>The shared corpus folder, or null when there is none; throws when <c>CLIENTS_CORPUS</c> names a missing folder or <c>CI=true</c> finds none.</summary>
    public static string? SharedDirectory
    {
        get
        {
            var named = Environment.GetEnvironmentVariable("CLIENTS_CORPUS");
            var mirror = Environment.GetEnvironmentVariable("CLIENTS_SPEC_MIRROR");
            var candidate = !string.IsNullOrEmpty(named) ? named
                : !string.IsNullOrEmpty(mirror) ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(mirror).TrimEnd(Path.DirectorySeparatorChar))!, "corpus")
                : null;
            if (candidate is not null && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }

            if (!string.IsNullOrEmpty(named) || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    "The public-document corpus is missing (CLIENTS_CORPUS is set, or CI=true): set CLIENTS_CORPUS to the corpus folder, or CLIENTS_SPEC_MIRROR to a "
                    + $"folder with a 'corpus' folder beside it (looked at '{candidate ?? "(neither is set)"}').");
            }

            return null;
        }
    }

    /// <summary>The committed documents' folder.</summary>
    public static string CommittedDirectory => TestRepository.Path("tests", "Clients.Catalogue.Tests", "Corpus");

    /// <summary>Every document, shared ones first, each group in ordinal order of its file name.</summary>
    public static IReadOnlyList<CorpusDocument> Documents()
    {
        var shared = SharedDirectory is { } directory
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(IsDocument)
                .Order(StringComparer.Ordinal)
                .Select(f => new CorpusDocument(Path.GetFileName(f), f, "shared"))
            : [];
        var committed = Directory.EnumerateFiles(CommittedDirectory)
            .Where(IsDocument)
            .Order(StringComparer.Ordinal)
            .Select(f => new CorpusDocument(Path.GetFileName(f), f, "committed"));
        // CLIENTS_CORPUS_ONLY=github,trello: a subset while working on the sweep (the count checks then fail on purpose).
        var only = Environment.GetEnvironmentVariable("CLIENTS_CORPUS_ONLY")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var all = shared.Concat(committed).Where(d => only.Length == 0 || only.Any(o => d.Name.Contains(o, StringComparison.OrdinalIgnoreCase))).ToList();
        var duplicates = all.GroupBy(d => d.Identifier, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return duplicates.Count == 0
            ? all
            : throw new InvalidOperationException("Two corpus documents have the same name: " + string.Join(", ", duplicates));
    }

    private static bool IsDocument(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".json" or ".yaml" or ".yml";
}

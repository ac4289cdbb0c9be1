using System.Text.RegularExpressions;

namespace Clients.Regen.Tests;

/// <summary>
/// The fresh-clone promise, checked on the sources: nothing under <c>src/</c>, <c>tests/</c> or <c>build/</c> reaches for
/// <c>../shared</c> or the spec mirror, except the pull-source code path of RegenClients/CheckSpecDrift and the
/// catalogue sweeps (which pull from the source by design and are not part of the README's <c>dotnet test</c>).
/// </summary>
public sealed partial class SharedFolderIndependenceTests
{
    /// <summary>Files (or folders, ending with '/') allowed to name the mirror, each with the reason.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["build/Clients.Regen/Program.cs"] = "reads CLIENTS_SPEC_MIRROR: the pull source of RegenClients/CheckSpecDrift",
        ["build/Clients.Regen.targets"] = "passes $(ClientsSpecMirror)/CLIENTS_SPEC_MIRROR to the tool as its pull source",
        ["build/Clients.Build/buildTransitive/Clients.Build.targets"] = "the same pull source, in a consumer's project",
        ["build/edit-loop-bench.sh"] = "CONSUMER=1 regenerates a consumer's OVH universes from the mirror (a benchmark run by hand, not a test)",
        ["tests/Clients.Catalogue.Tests/"] = "the catalogue sweeps pull from the source by design (not in Clients.sln; CI runs them with the mirror)",
        ["tests/Clients.Regen.Tests/SharedFolderIndependenceTests.cs"] = "this test names what it looks for",
    };

    private static readonly string[] Extensions = [".cs", ".csproj", ".props", ".targets", ".sh", ".json"];

    [Fact]
    public void No_source_outside_the_pull_path_reads_the_shared_folder_or_the_mirror()
    {
        var root = TempRepository.RepositoryRoot;
        var offenders = new List<string>();
        var scanned = 0;
        foreach (var top in new[] { "src", "tests", "build" })
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, top), "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (!Extensions.Contains(Path.GetExtension(file)) || IsBuildOutput(relative) || relative.StartsWith("specs/", StringComparison.Ordinal))
                {
                    continue;
                }

                scanned++;
                if (Allowed.Keys.Any(allowed => allowed.EndsWith('/') ? relative.StartsWith(allowed, StringComparison.Ordinal) : relative == allowed))
                {
                    continue;
                }

                offenders.AddRange(Find(File.ReadAllText(file)).Select(hit => $"{relative}: {hit}"));
            }
        }

        scanned.Should().BeGreaterThan(100, "the scan must actually see the repository's sources");
        offenders.Should().BeEmpty("a fresh clone has nothing beside it; tests and the emulator read the committed specs/");
    }

    [Theory]
    [InlineData("var mirror = Path.Combine(root, \"..\", \"shared\", \"specs-mirror\");")]
    [InlineData("Environment.GetEnvironmentVariable(\"CLIENTS_SPEC_MIRROR\")")]
    [InlineData("<None Include=\"../../../shared/specs-mirror/ovh/v1/me.json\" />")]
    [InlineData("File.ReadAllBytes(\"../shared/docs/providers.md\")")]
    public void The_scan_recognises_every_way_of_reaching_the_shared_folder(string line) => Find(line).Should().NotBeEmpty();

    [Theory]
    [InlineData("// state shared by the handlers")]
    [InlineData("var shared = new SharedDistributedCache();")]
    [InlineData("File.ReadAllBytes(Path.Combine(root, \"specs\", \"ovh\", \"v1\", \"me.json\"))")]
    public void Ordinary_uses_of_the_word_are_not_flagged(string line) => Find(line).Should().BeEmpty();

    private static IEnumerable<string> Find(string text) => Reach().Matches(text).Select(static m => m.Value);

    private static bool IsBuildOutput(string relative) =>
        relative.Split('/').Any(static segment => segment is "bin" or "obj" or "TestResults" or "BenchmarkDotNet.Artifacts");

    [GeneratedRegex("""specs-mirror|CLIENTS_SPEC_MIRROR|\.\./shared\b|"shared"\s*,|\.\.[\\/]+\.\.[\\/]+\.\.[\\/]+shared""")]
    private static partial Regex Reach();
}

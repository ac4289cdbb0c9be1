using System.Security.Cryptography;
using System.Text;
using Clients.Regen.Pipeline;

namespace Clients.Regen.Tests;

/// <summary>A throw-away repository root (Clients.sln, specs/ovh/universes.json) and an optional spec mirror.</summary>
internal sealed class TempRepository : IDisposable
{
    public TempRepository(params string[] universes)
    {
        Root = Path.Combine(Path.GetTempPath(), "clients-regen-tests", Guid.NewGuid().ToString("N")[..12]);
        Mirror = Path.Combine(Root, "..", Path.GetFileName(Root) + "-mirror");
        Directory.CreateDirectory(Path.Combine(Root, "specs", "ovh"));
        File.WriteAllText(Path.Combine(Root, "Clients.sln"), string.Empty);
        var list = string.Join(",\n    ", universes.Select(u => "\"" + u + "\""));
        File.WriteAllText(Path.Combine(Root, "specs", "ovh", "universes.json"), "{\n  \"universes\": [\n    " + list + "\n  ]\n}\n");
    }

    public string Root { get; }

    public string Mirror { get; }

    public string Generated => Path.Combine(Root, "src", "Clients.Ovh", "Generated");

    /// <summary>The repository's committed <c>specs</c> folder (<c>ovh/v1/domain.json</c> …), laid out like a spec mirror.</summary>
    public static string CommittedSpecs => Path.Combine(RepositoryRoot, "specs");

    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Clients.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Clients.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string Fixture => Path.Combine(AppContext.BaseDirectory, "Fixtures", "fixture.json");

    /// <summary>Puts a document into the mirror as <c>ovh/{key}.json</c>.</summary>
    public void MirrorDocument(string key, byte[] content)
    {
        var path = Path.Combine(Mirror, "ovh", key.Replace('/', Path.DirectorySeparatorChar) + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    public async Task<(int ExitCode, string Output)> RunAsync(string command, string? mirror = null, string? ovhBaseUrl = null, TimeSpan? timeout = null, bool force = false, string provider = "ovh", IReadOnlyDictionary<string, string?>? environment = null, bool failOnBreakingOnly = false, string? reportPath = null)
    {
        var options = new RegenOptions
        {
            Root = Root,
            Mirror = mirror,
            OvhBaseUrl = ovhBaseUrl ?? "http://127.0.0.1:9",
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            Providers = [provider],
            Environment = environment ?? new Dictionary<string, string?>(),
            Force = force,
            FailOnBreakingOnly = failOnBreakingOnly,
            ReportPath = reportPath,
        };
        var output = new StringWriter { NewLine = "\n" };
        var pipeline = new RegenPipeline(options, output, TimeProvider.System);
        var exitCode = command == "check"
            ? await pipeline.CheckAsync(CancellationToken.None)
            : await pipeline.RegenAsync(CancellationToken.None);
        return (exitCode, output.ToString());
    }

    /// <summary>Every file under the root except <c>obj/</c>, by relative path, with its sha256 and write time.</summary>
    public SortedDictionary<string, string> Snapshot()
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            if (!relative.StartsWith("obj/", StringComparison.Ordinal) && !relative.Contains("/obj/", StringComparison.Ordinal))
            {
                result[relative] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file))) + " " + File.GetLastWriteTimeUtc(file).Ticks;
            }
        }

        return result;
    }

    public SortedDictionary<string, string> GeneratedText() =>
        new(Directory.EnumerateFiles(Generated, "*.g.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Generated, f).Replace('\\', '/'), f => File.ReadAllText(f, Encoding.UTF8)), StringComparer.Ordinal);

    public void Dispose()
    {
        foreach (var directory in new[] { Root, Mirror })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}

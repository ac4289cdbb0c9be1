using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace Clients.Catalogue.Tests;

/// <summary>
/// The README's <c>dotnet build -t:CheckSpecDrift</c> on this checkout, against copies of the spec source where OVH's
/// <c>v1/domain</c> drifted: what a consumer's CI sees. Each run must leave the checkout exactly as it was.
/// </summary>
public sealed class CheckSpecDriftEndToEndTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("clients-drift-e2e-").FullName;

    [Fact]
    public async Task A_removed_operation_fails_as_breaking_and_an_added_one_is_named_non_breaking_with_their_members()
    {
        var mirror = MirrorCopy("removed-and-added", paths =>
        {
            var first = paths.First(p => p.Value!.AsObject().ContainsKey("get"));
            first.Value!.AsObject().Remove("get");
            paths["/domain/zzzProbe"] = Probe();
            return first.Key;
        }, out var removed);
        var report = Path.Combine(work, "drift.md");
        var statusBefore = await GitStatusAsync();

        var (exitCode, output) = await RunAsync(mirror, "dotnet", "build", "-t:CheckSpecDrift", "-p:SpecDriftReport=" + report, "-nologo", "-v:m");

        exitCode.Should().NotBe(0, output);
        output.Should().Contain("ovh: DRIFT, BREAKING").And.Contain("exit code 4").And.Contain("error REGEN002");
        output.Should().Contain($"v1/domain: GET {removed}: operation removed").And.Contain("→ IOvhDomainApi.ListDomainAsync removed");
        output.Should().Contain("v1/domain: GET /domain/zzzProbe: operation added").And.Contain("→ IOvhDomainApi.GetDomainZzzProbeAsync added");
        var markdown = await File.ReadAllTextAsync(report);
        markdown.Should().Contain($"| **BREAKING** | v1/domain | `GET {removed}` | operation removed")
            .And.Contain("`IOvhDomainApi.ListDomainAsync removed`")
            .And.Contain("| non-breaking | v1/domain | `GET /domain/zzzProbe` | operation added")
            .And.Contain("`IOvhDomainApi.GetDomainZzzProbeAsync added`");
        (await GitStatusAsync()).Should().Be(statusBefore, "the drift check touches no file of the checkout");
    }

    [Fact]
    public async Task Only_an_addition_with_SpecDriftFailOn_Breaking_succeeds_and_still_prints_the_report()
    {
        var mirror = MirrorCopy("added", paths =>
        {
            paths["/domain/zzzProbe"] = Probe();
            return "";
        }, out _);
        var statusBefore = await GitStatusAsync();

        var (exitCode, output) = await RunAsync(mirror, "dotnet", "build", "-t:CheckSpecDrift", "-p:SpecDriftFailOn=Breaking", "-nologo", "-v:m");

        exitCode.Should().Be(0, output);
        output.Should().Contain("ovh: DRIFT, non-breaking").And.Contain("exit code 3").And.Contain("warning REGEN004");
        output.Should().Contain("v1/domain: GET /domain/zzzProbe: operation added").And.Contain("→ IOvhDomainApi.GetDomainZzzProbeAsync added");
        (await GitStatusAsync()).Should().Be(statusBefore);
    }

    public void Dispose() => Directory.Delete(work, recursive: true);

    private static JsonNode Probe() => JsonNode.Parse("""
        {"get":{"summary":"probe","responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"string"}}}}}}}
        """)!;

    private string MirrorCopy(string name, Func<JsonObject, string> edit, out string edited)
    {
        var copy = Path.Combine(work, name);
        foreach (var file in Directory.EnumerateFiles(SpecMirror.OvhDirectory, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, "ovh", Path.GetRelativePath(SpecMirror.OvhDirectory, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var domain = Path.Combine(copy, "ovh", "v1", "domain.json");
        var document = JsonNode.Parse(File.ReadAllBytes(domain))!.AsObject();
        edited = edit(document["paths"]!.AsObject());
        File.WriteAllText(domain, document.ToJsonString());
        return copy;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Clients.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("No Clients.sln above " + AppContext.BaseDirectory);
    }

    private static async Task<string> GitStatusAsync() => (await RunAsync(null, "git", "status", "--porcelain", "--untracked-files=all")).Output;

    /// <summary>Runs a program in the repository root, with <paramref name="mirror"/> as the only spec source.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string? mirror, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("CLIENTS_SPEC_MIRROR");
        if (mirror is not null)
        {
            start.Environment["CLIENTS_SPEC_MIRROR"] = mirror;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        output.Append(await stdout).Append(await stderr);
        return (process.ExitCode, output.ToString());
    }
}

using System.Text;
using Clients.Regen.Pipeline;

namespace Clients.Regen.Tests;

/// <summary>
/// The same pipeline run for a consumer project (the Clients.Build package's targets): the consumer's universes and
/// documents, its specs folder, its Generated folder and namespace, its stamps; nothing written anywhere else.
/// </summary>
public sealed class ConsumerProjectTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "clients-consumer-tests", Guid.NewGuid().ToString("N")[..12]);
    private readonly string _mirror;

    public ConsumerProjectTests()
    {
        _mirror = _project + "-mirror";
        Directory.CreateDirectory(_project);
        var fixture = Path.Combine(_mirror, "ovh", "v1", "fixture.json");
        Directory.CreateDirectory(Path.GetDirectoryName(fixture)!);
        File.Copy(TempRepository.Fixture, fixture);
    }

    private string Generated => Path.Combine(_project, "Generated");

    [Fact]
    public async Task An_OvhUniverse_of_the_consumer_is_generated_into_its_Generated_folder_and_namespace_with_the_provider_attribute()
    {
        var (exitCode, output) = await RunAsync("regen", Options("ovh") with { OvhUniverses = ["v1/fixture"] });

        exitCode.Should().Be(0, output);
        var files = Directory.EnumerateFiles(_project, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_project, f).Replace('\\', '/')).ToList();
        files.Should().Contain(["specs/ovh/v1/fixture.json", "specs/ovh/ovh.lock.json", "Generated/Ovh/IOvhFixtureApi.g.cs", "Generated/Ovh/OvhJsonSerializerContext.g.cs", "obj/regen-stamps/ovh.stamp"]);
        files.Should().OnlyContain(f => f.StartsWith("specs/ovh/", StringComparison.Ordinal) || f.StartsWith("Generated/Ovh/", StringComparison.Ordinal) || f.StartsWith("obj/regen-stamps/", StringComparison.Ordinal));
        var api = await File.ReadAllTextAsync(Path.Combine(Generated, "Ovh", "IOvhFixtureApi.g.cs"));
        api.Should().Contain("namespace Acme.Billing.Ovh;").And.Contain("[global::Clients.Ovh.OvhApi]").And.Contain("global::Acme.Billing.Ovh.Models.");
        (await File.ReadAllTextAsync(Path.Combine(Generated, "Ovh", "OvhJsonSerializerContext.g.cs"))).Should().Contain("namespace Acme.Billing.Ovh;");
        Directory.EnumerateFiles(Path.Combine(Generated, "Ovh", "Models")).Select(File.ReadAllText)
            .Should().OnlyContain(text => text.Contains("namespace Acme.Billing.Ovh.Models;"));
    }

    [Fact]
    public async Task A_second_run_is_a_no_op_and_CheckSpecDrift_passes_then_fails_when_the_mirror_drops_an_operation()
    {
        var options = Options("ovh") with { OvhUniverses = ["v1/fixture"] };
        (await RunAsync("regen", options)).ExitCode.Should().Be(0);
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(Generated, "Ovh", "IOvhFixtureApi.g.cs"));

        var again = await RunAsync("regen", options);
        again.Output.Should().Contain("ovh: up to date");
        File.GetLastWriteTimeUtc(Path.Combine(Generated, "Ovh", "IOvhFixtureApi.g.cs")).Should().Be(stamp);
        (await RunAsync("check", options)).ExitCode.Should().Be(0);

        var document = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_mirror, "ovh", "v1", "fixture.json")))!;
        var paths = document["paths"]!.AsObject();
        var removed = paths.First(p => p.Value!["get"] is not null).Key;
        paths[removed]!.AsObject().Remove("get");
        await File.WriteAllTextAsync(Path.Combine(_mirror, "ovh", "v1", "fixture.json"), document.ToJsonString());

        var (exitCode, output) = await RunAsync("check", options);

        exitCode.Should().Be(4, "a removed operation is breaking drift");
        output.Should().Contain("REGEN002").And.Contain($"GET {removed}: operation removed");
    }

    [Fact]
    public async Task An_OptimumDocument_file_of_the_consumer_is_the_document_nothing_is_pulled()
    {
        var own = Path.Combine(_project, "api", "optimum.json");
        Directory.CreateDirectory(Path.GetDirectoryName(own)!);
        File.Copy(Path.Combine(TempRepository.CommittedSpecs, "optimum", "swagger.json"), own);

        var (exitCode, output) = await RunAsync("regen", Options("optimum") with { OptimumDocument = "api/optimum.json" });

        exitCode.Should().Be(0, output);
        (await File.ReadAllTextAsync(Path.Combine(Generated, "Optimum", "IOptimumVehiclesApi.g.cs")))
            .Should().Contain("namespace Acme.Billing.Optimum;").And.Contain("[global::Clients.Optimum.OptimumApi]");
        (await File.ReadAllTextAsync(Path.Combine(_project, "specs", "optimum", "optimum.lock.json"), Encoding.UTF8))
            .Should().Contain("\"source\": \"api/optimum.json\"");
    }

    [Fact]
    public async Task OptimumDocument_live_without_credentials_or_a_stored_copy_fails_naming_the_missing_document()
    {
        var (exitCode, output) = await RunAsync("regen", Options("optimum") with { OptimumDocument = "live", Mirror = null });

        exitCode.Should().Be(1);
        output.Should().Contain("REGEN001").And.Contain("specs/optimum/swagger.json").And.Contain("missing");
        Directory.Exists(Generated).Should().BeFalse("a failed run writes nothing");
    }

    public void Dispose()
    {
        foreach (var directory in new[] { _project, _mirror })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private RegenOptions Options(string provider) => new()
    {
        Root = _project,
        Mirror = _mirror,
        OvhBaseUrl = "http://127.0.0.1:9",
        Timeout = TimeSpan.FromSeconds(10),
        Providers = [provider],
        SpecsDirectory = Path.Combine(_project, "specs"),
        StampDirectory = Path.Combine(_project, "obj", "regen-stamps"),
        Namespace = "Acme.Billing",
        GeneratedDirectory = Generated,
        Environment = new Dictionary<string, string?>(),
    };

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, RegenOptions options)
    {
        var output = new StringWriter { NewLine = "\n" };
        var pipeline = new RegenPipeline(options, output, TimeProvider.System);
        var exitCode = command == "check" ? await pipeline.CheckAsync(CancellationToken.None) : await pipeline.RegenAsync(CancellationToken.None);
        return (exitCode, output.ToString());
    }
}

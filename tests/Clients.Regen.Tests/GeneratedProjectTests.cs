using System.Xml.Linq;
using Clients.Regen.Pipeline;

namespace Clients.Regen.Tests;

/// <summary>
/// What RegenClients writes into a consumer's generated folder when its generated clients build as a project of their
/// own (the Clients.Build targets' default, <c>ClientsGeneratedProject</c>): the project file beside the provider
/// folders, with the consumer's framework, packages, extra references and hand-written files, and the marker type the
/// consumer's module initializer loads the assembly by. Deterministic, untouched by a second run, invisible to the
/// drift check.
/// </summary>
public sealed class GeneratedProjectTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "clients-generated-project-tests", Guid.NewGuid().ToString("N")[..12]);
    private readonly string _mirror;

    public GeneratedProjectTests()
    {
        _mirror = _project + "-mirror";
        Directory.CreateDirectory(_project);
        var fixture = Path.Combine(_mirror, "ovh", "v1", "fixture.json");
        Directory.CreateDirectory(Path.GetDirectoryName(fixture)!);
        File.Copy(TempRepository.Fixture, fixture);
    }

    private string Generated => Path.Combine(_project, "Generated");

    private string ProjectFile => Path.Combine(Generated, "Acme.Billing.App.Generated.csproj");

    [Fact]
    public async Task RegenClients_writes_the_generated_project_beside_the_provider_folders_with_the_consumers_framework_packages_and_references()
    {
        var (exitCode, output) = await RunAsync("regen", Options());

        exitCode.Should().Be(0, output);
        output.Should().Contain("Acme.Billing.App.Generated.csproj: written");
        Directory.EnumerateFiles(Generated, "*", SearchOption.TopDirectoryOnly).Select(Path.GetFileName)
            .Should().BeEquivalentTo(["Acme.Billing.App.Generated.csproj", "ClientsGeneratedAssembly.g.cs"]);
        File.Exists(Path.Combine(Generated, "Ovh", "IOvhFixtureApi.g.cs")).Should().BeTrue();

        var project = XDocument.Load(ProjectFile).Root!;
        project.Attribute("Sdk")!.Value.Should().Be("Microsoft.NET.Sdk");
        string Property(string name) => project.Elements("PropertyGroup").Elements(name).Single().Value;
        Property("TargetFramework").Should().Be("net10.0");
        Property("AssemblyName").Should().Be("Acme.Billing.App.Generated");
        Property("RootNamespace").Should().Be("Acme.Billing");
        Property("IsPackable").Should().Be("false");
        var items = project.Elements("ItemGroup").Elements().ToList();
        items.Where(i => i.Name == "PackageReference").Select(i => $"{i.Attribute("Include")!.Value}={i.Attribute("Version")?.Value}")
            .Should().Equal("Clients.Ovh=1.2.3", "Refit=");
        items.Where(i => i.Name == "ProjectReference").Select(i => i.Attribute("Include")!.Value)
            .Should().Equal("../../Acme.Provider/Acme.Provider.csproj");
        items.Where(i => i.Name == "Compile").Select(i => i.Attribute("Include")!.Value + " as " + i.Attribute("Link")!.Value)
            .Should().Equal("../Acme/AcmeApi.cs as Shared/AcmeApi.cs");
        items.Where(i => i.Name == "InternalsVisibleTo").Select(i => i.Attribute("Include")!.Value)
            .Should().Equal("Acme.Billing.App");

        var marker = await File.ReadAllTextAsync(Path.Combine(Generated, "ClientsGeneratedAssembly.g.cs"));
        marker.Should().Contain("namespace Acme.Billing;").And.Contain("internal static class ClientsGeneratedAssembly");
    }

    [Fact]
    public async Task The_marker_compiles_with_the_generated_clients()
    {
        (await RunAsync("regen", Options())).ExitCode.Should().Be(0);

        var files = Directory.EnumerateFiles(Generated, "*.g.cs", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);
        var (diagnostics, output) = InMemoryCompiler.Compile(files);

        diagnostics.Should().BeEmpty();
        output.GetTypeByMetadataName("Acme.Billing.ClientsGeneratedAssembly").Should().NotBeNull();
    }

    [Fact]
    public async Task A_second_run_touches_neither_file_and_CheckSpecDrift_does_not_see_them()
    {
        (await RunAsync("regen", Options())).ExitCode.Should().Be(0);
        var stamps = new[] { ProjectFile, Path.Combine(Generated, "ClientsGeneratedAssembly.g.cs") }.Select(File.GetLastWriteTimeUtc).ToList();

        var again = await RunAsync("regen", Options());

        again.Output.Should().Contain("ovh: up to date").And.Contain("Acme.Billing.App.Generated.csproj: up to date");
        new[] { ProjectFile, Path.Combine(Generated, "ClientsGeneratedAssembly.g.cs") }.Select(File.GetLastWriteTimeUtc).Should().Equal(stamps);
        var check = await RunAsync("check", Options());
        check.ExitCode.Should().Be(0, check.Output);
        check.Output.Should().NotContain("csproj").And.NotContain("ClientsGeneratedAssembly");
    }

    [Fact]
    public async Task A_new_package_version_rewrites_the_project_file_and_nothing_else()
    {
        (await RunAsync("regen", Options())).ExitCode.Should().Be(0);
        var api = File.GetLastWriteTimeUtc(Path.Combine(Generated, "Ovh", "IOvhFixtureApi.g.cs"));

        var options = Options() with { GeneratedProject = Options().GeneratedProject! with { PackageReferences = [("Clients.Ovh", "1.3.0")] } };
        var (exitCode, output) = await RunAsync("regen", options);

        exitCode.Should().Be(0, output);
        (await File.ReadAllTextAsync(ProjectFile)).Should().Contain("<PackageReference Include=\"Clients.Ovh\" Version=\"1.3.0\" />").And.NotContain("Refit");
        File.GetLastWriteTimeUtc(Path.Combine(Generated, "Ovh", "IOvhFixtureApi.g.cs")).Should().Be(api);
    }

    [Fact]
    public async Task Without_a_generated_project_only_the_provider_folders_are_written()
    {
        var (exitCode, output) = await RunAsync("regen", Options() with { GeneratedProject = null });

        exitCode.Should().Be(0, output);
        Directory.EnumerateFiles(Generated, "*", SearchOption.TopDirectoryOnly).Should().BeEmpty();
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

    private RegenOptions Options() => new()
    {
        Root = _project,
        Mirror = _mirror,
        OvhBaseUrl = "http://127.0.0.1:9",
        Timeout = TimeSpan.FromSeconds(10),
        Providers = ["ovh"],
        OvhUniverses = ["v1/fixture"],
        SpecsDirectory = Path.Combine(_project, "specs"),
        StampDirectory = Path.Combine(_project, "obj", "regen-stamps"),
        Namespace = "Acme.Billing",
        GeneratedDirectory = Generated,
        GeneratedProject = new GeneratedProject(
            "Acme.Billing.App.Generated",
            "net10.0",
            "Acme.Billing.App",
            [("Refit", null), ("Clients.Ovh", "1.2.3")],
            [Path.Combine(_project, "..", "Acme.Provider", "Acme.Provider.csproj")],
            [Path.Combine(_project, "Acme", "AcmeApi.cs")]),
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

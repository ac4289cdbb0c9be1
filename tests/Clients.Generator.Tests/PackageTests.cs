using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Xml.Linq;
using Clients.Generator.Tests.Fixtures;
using Clients.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clients.Generator.Tests;

/// <summary>
/// Packs Clients.Core, which carries the generator, with <c>dotnet pack</c> (the already-built output, no rebuild) into a
/// temporary folder, checks the package layout, then loads the analyzer assembly from inside the package (not from the
/// build output) and runs it on a fixture compilation.
/// </summary>
public sealed class PackageTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task The_package_holds_a_working_generator_under_analyzers_dotnet_cs()
    {
        var output = Directory.CreateTempSubdirectory("clients-generator-pack-");
        try
        {
            var package = await PackAsync(output.FullName);
            using var archive = ZipFile.OpenRead(package);

            var entries = archive.Entries.Select(e => e.FullName).ToList();
            entries.Should().Contain("analyzers/dotnet/cs/Clients.Generator.dll").And.Contain("lib/net10.0/Clients.Core.dll");
            entries.Should().NotContain(e => e.StartsWith("lib/", StringComparison.Ordinal) && e.EndsWith("Clients.Generator.dll", StringComparison.Ordinal), "the generator is not a runtime reference");
            var nuspec = XDocument.Load(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
            nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
                .Select(e => (string?)e.Attribute("id"))
                .Should().NotContain(id => id != null && id.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal), "Roslyn is provided by the compiler");

            using var dll = new MemoryStream();
            await using (var entry = archive.GetEntry("analyzers/dotnet/cs/Clients.Generator.dll")!.Open())
            {
                await entry.CopyToAsync(dll);
            }

            RunPackagedGenerator(dll.ToArray()).Should().Contain("public static global::Clients.Core.ClientProviderBuilder AddAcmeClients(");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string RunPackagedGenerator(byte[] analyzer)
    {
        var context = new AssemblyLoadContext("packaged-generator", isCollectible: true);
        try
        {
            var assembly = context.LoadFromStream(new MemoryStream(analyzer));
            assembly.Should().NotBeSameAs(typeof(ClientsGenerator).Assembly);
            var generator = (IIncrementalGenerator)Activator.CreateInstance(
                assembly.GetTypes().Single(t => typeof(IIncrementalGenerator).IsAssignableFrom(t)))!;
            var driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions)
                .RunGenerators(GeneratorHarness.Compile(FixtureSources.All));
            return driver.GetRunResult().Results.Single().GeneratedSources
                .Single(s => s.HintName == "Acme.Clients.g.cs").SourceText.ToString();
        }
        finally
        {
            context.Unload();
        }
    }

    private static async Task<string> PackAsync(string output)
    {
        var project = Path.Combine(RepoRoot(), "src", "Clients.Core", "Clients.Core.csproj");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "pack", project, "-c", Configuration, "--no-build", "-o", output,
            "-p:NuspecOutputPath=" + Path.Combine(output, "obj") + Path.DirectorySeparatorChar,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, await stdout + await stderr);
        return Directory.GetFiles(output, "Clients.Core.*.nupkg").Where(f => !f.EndsWith(".snupkg", StringComparison.Ordinal)).Single();
    }

    private static string RepoRoot() => Clients.Testing.TestRepository.Root;
}

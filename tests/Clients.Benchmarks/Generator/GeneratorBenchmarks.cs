using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Clients.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Clients.Benchmarks.Generator;

/// <summary>
/// The Clients generator on the compilation of <c>src/Clients.Ovh</c> (all RegenClients OVH interfaces and models),
/// first run and re-run after an unrelated edit, next to compiling that project (Refit's generator, ours, and emit).
/// <c>dotnet run -c Release --project tests/Clients.Benchmarks -- --filter '*GeneratorBenchmarks*'</c> (runs in process).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessConfig))]
public class GeneratorBenchmarks
{
    internal static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    private CSharpCompilation _project = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warmDriver = null!;
    private ISourceGenerator[] _allGenerators = null!;

    /// <summary>Number of source files in the measured compilation (reported for context).</summary>
    public int SourceFiles => _project.SyntaxTrees.Count();

    /// <summary>Builds the compilation from the project's sources and warms a driver.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _project = OvhProjectCompilation();
        _edited = _project.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Clients.Ovh.Unrelated { internal sealed class AddedLater { } }", ParseOptions, "AddedLater.cs"));
        _warmDriver = CreateDriver([new ClientsGenerator().AsSourceGenerator()]).RunGenerators(_project.Clone());
        _allGenerators = AllGenerators();

        var output = CompileWithGenerators();
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The measured compilation does not compile: " + string.Join("\n", errors.Take(5)));
        }

        Console.WriteLine($"// Clients.Ovh compilation: {_project.SyntaxTrees.Count()} files, {_project.SyntaxTrees.Sum(t => t.Length)} characters");
    }

    /// <summary>Our generator on a fresh copy of the compilation (nothing cached).</summary>
    /// <returns>The driver.</returns>
    [Benchmark]
    public GeneratorDriver GeneratorFirstRun() =>
        CreateDriver([new ClientsGenerator().AsSourceGenerator()]).RunGenerators(_project.Clone());

    /// <summary>Our generator, warm, after a new unrelated type was added.</summary>
    /// <returns>The driver.</returns>
    [Benchmark]
    public GeneratorDriver GeneratorRerunAfterUnrelatedEdit() => _warmDriver.RunGenerators(_edited.Clone());

    /// <summary>The whole project: Refit's generator and ours, then binding and emit of everything.</summary>
    /// <returns>The emitted size.</returns>
    [Benchmark(Baseline = true)]
    public long CompileProject()
    {
        var output = CompileWithGenerators();
        using var stream = new MemoryStream();
        output.Emit(stream);
        return stream.Length;
    }

    private Compilation CompileWithGenerators()
    {
        CreateDriver(_allGenerators).RunGeneratorsAndUpdateCompilation(_project.Clone(), out var output, out _);
        return output;
    }

    /// <summary>Every generator the real build of <c>Clients.Ovh</c> runs.</summary>
    internal static ISourceGenerator[] AllGenerators() =>
    [
        .. FrameworkGenerators(),
        .. PackageGenerators(typeof(Microsoft.Extensions.Logging.ILogger).Assembly, "roslyn4.4"),
        .. PackageGenerators(typeof(Microsoft.Extensions.Options.IOptions<>).Assembly, "roslyn4.4"),
        RefitGenerator(),
        new ClientsGenerator().AsSourceGenerator(),
    ];

    internal static GeneratorDriver CreateDriver(ISourceGenerator[] generators) =>
        CSharpGeneratorDriver.Create(generators, parseOptions: ParseOptions, optionsProvider: new RefitOptions());

    internal static CSharpCompilation OvhProjectCompilation() =>
        OvhCompilation(OvhProjectSources().Select(f => (f, File.ReadAllText(f))));

    /// <summary>
    /// The C# files of <c>src/Clients.Ovh</c> and <c>src/Clients.Ovh.Generated</c> on disk (no bin/obj): the generator's
    /// work on the whole OVH surface in one compilation, as before the generated code had an assembly of its own.
    /// </summary>
    internal static IEnumerable<string> OvhProjectSources()
    {
        var sep = Path.DirectorySeparatorChar;
        return new[] { "Clients.Ovh", "Clients.Ovh.Generated" }
            .SelectMany(project => Directory.EnumerateFiles(Clients.Testing.TestRepository.Path("src", project), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{sep}obj{sep}", StringComparison.Ordinal) && !f.Contains($"{sep}bin{sep}", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);
    }

    /// <summary>A compilation shaped like <c>src/Clients.Ovh</c>'s from the given files (path, text).</summary>
    internal static CSharpCompilation OvhCompilation(IEnumerable<(string Path, string Text)> files)
    {
        var trees = files
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path))
            .Append(CSharpSyntaxTree.ParseText(
                "global using System; global using System.Collections.Generic; global using System.IO; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;",
                ParseOptions,
                "GlobalUsings.cs"));
        string[] ovhAssemblies = [typeof(Clients.Ovh.OvhApiAttribute).Assembly.Location, typeof(Clients.Ovh.OvhOptions).Assembly.Location];
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !ovhAssemblies.Contains(p, StringComparer.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create(
            "Clients.Ovh",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
    }

    // The generators every net10.0 project runs (System.Text.Json, regex, interop), from the targeting pack.
    internal static IEnumerable<ISourceGenerator> FrameworkGenerators()
    {
        var dotnetRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var pack = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref")).OrderBy(d => d, StringComparer.Ordinal).Last();
        foreach (var dll in Directory.GetFiles(Path.Combine(pack, "analyzers", "dotnet", "cs"), "*.dll"))
        {
            foreach (var type in LoadableTypes(Assembly.LoadFrom(dll)).Where(t => !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() is not null))
            {
                var instance = Activator.CreateInstance(type);
                yield return instance is IIncrementalGenerator incremental ? incremental.AsSourceGenerator() : (ISourceGenerator)instance!;
            }
        }
    }

    // The generators a package ships next to the given assembly (LoggerMessage, options validation), when it has any.
    internal static IEnumerable<ISourceGenerator> PackageGenerators(Assembly assembly, string roslyn)
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var directory = Path.Combine(root, assembly.GetName().Name!.ToLowerInvariant(), version, "analyzers", "dotnet", roslyn, "cs");
        if (!Directory.Exists(directory))
        {
            yield break;
        }

        foreach (var dll in Directory.GetFiles(directory, "*.dll"))
        {
            foreach (var type in LoadableTypes(Assembly.LoadFrom(dll)).Where(t => !t.IsAbstract && t.GetCustomAttribute<GeneratorAttribute>() is not null))
            {
                var instance = Activator.CreateInstance(type);
                yield return instance is IIncrementalGenerator incremental ? incremental.AsSourceGenerator() : (ISourceGenerator)instance!;
            }
        }
    }

    // Some analyzer assemblies also hold code fixes whose types need Roslyn's Workspaces, which is not loaded here.
    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null)!;
        }
    }

    internal static ISourceGenerator RefitGenerator()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var version = typeof(Refit.RestService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var path = Path.Combine(root, "refit", version, "analyzers", "dotnet", "roslyn4.8", "cs", "InterfaceStubGeneratorV2.dll");
        var type = LoadableTypes(Assembly.LoadFrom(path)).Single(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t));
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }

    /// <summary>
    /// In process (no separate benchmark project build): what is measured is Roslyn work on an in-memory compilation.
    /// </summary>
    internal sealed class InProcessConfig : ManualConfig
    {
        public InProcessConfig()
        {
            AddJob(Job.Default
                .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true))
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(6));
        }
    }

    /// <summary>The MSBuild properties Refit's generator reads (as its buildTransitive props set them).</summary>
    private sealed class RefitOptions : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options : AnalyzerConfigOptions
        {
            private static readonly Dictionary<string, string> Values = new()
            {
                ["build_property.RefitInternalNamespace"] = "Clients.Ovh",
                ["build_property.RefitGeneratedRequestBuilding"] = "true",
                ["build_property.RefitEmitGeneratedCodeMarkers"] = "true",
            };

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                Values.TryGetValue(key, out value);
        }
    }
}

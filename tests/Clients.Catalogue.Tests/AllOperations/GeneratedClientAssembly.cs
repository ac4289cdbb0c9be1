using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;
using Clients.Regen.Emit;
using Clients.Regen.Model;
using Clients.Regen.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clients.Catalogue.Tests.AllOperations;

/// <summary>
/// Compiles generated clients in memory the way a consumer's build does — System.Text.Json's source generator,
/// Refit's own <c>InterfaceStubGenerator</c> (Refit 16 calls only its generated stubs) and the project's
/// <c>Clients.Generator</c> (the registration that <c>Add{Provider}Clients</c> picks up) — against the real provider
/// packages, then loads the assembly and runs its module initializers (what its first use would do).
/// </summary>
internal static class GeneratedClientAssembly
{
    private static readonly string[] PreprocessorSymbols =
    [
        "NET", "NET10_0", "NETCOREAPP",
        .. Enumerable.Range(5, 6).Select(v => $"NET{v}_0_OR_GREATER"),
        "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER",
        "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER",
    ];

    /// <summary>The namespace of the mirror's OVH clients compiled here (not <c>Clients.Ovh</c>: the real package is referenced too).</summary>
    public const string OvhNamespace = "Clients.AllOperations.Ovh";

    private static readonly Lazy<CompiledClients> LazyOvhMirror = new(static () =>
    {
        var inputs = SpecMirror.OvhDocuments().Select(d => new SpecInput(d.Key, d.Path, File.ReadAllBytes(d.Path))).ToList();
        return Compile(OvhNamespace, ClientEmitter.Emit(Providers.Ovh with { Namespace = OvhNamespace }, inputs), inputs);
    });

    /// <summary>Every OVH universe of the spec source, generated as RegenClients does and compiled once for all the tests of this project.</summary>
    public static CompiledClients OvhMirror => LazyOvhMirror.Value;

    /// <summary>Compiles, loads and initializes.</summary>
    public static CompiledClients Compile(string assemblyName, IReadOnlyDictionary<string, string> files, IReadOnlyList<SpecInput> inputs)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        // The symbols the SDK defines for net10.0: Refit's stubs register themselves in an `#if NET5_0_OR_GREATER` module initializer.
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: PreprocessorSymbols);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Value, parse, path: f.Key));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Refit.GetAttribute).Assembly.Location)
            .Append(typeof(Refit.HttpClientFactoryExtensions).Assembly.Location)
            .Append(typeof(Clients.Core.ClientProviderBuilder).Assembly.Location)
            .Append(typeof(Clients.Ovh.OvhApiAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            assemblyName,
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error));
        ISourceGenerator[] generators = [InMemoryCompiler.JsonGenerator(), .. RefitDiagnostics.Generators, new Clients.Generator.ClientsGenerator().AsSourceGenerator()];
        var driver = CSharpGeneratorDriver.Create(generators, parseOptions: parse);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var generated = clock.Elapsed;

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var problems = generatorDiagnostics.Concat(emitted.Diagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Select(d => d.ToString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (!emitted.Success || problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The generated clients of {assemblyName} do not compile cleanly with Refit's and the project's generators ({problems.Count} diagnostics):\n"
                + string.Join("\n", problems.Take(30)));
        }

        var timings = $"source generators {generated.TotalSeconds:0.0} s, compile + emit {(clock.Elapsed - generated).TotalSeconds:0.0} s "
                      + $"(wall; CPU of this process meanwhile {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0} s), {image.Length / 1024} KiB";
        var assembly = Assembly.Load(image.ToArray());
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        return new CompiledClients(output, assembly, inputs, timings);
    }
}

/// <summary>Generated clients compiled in memory: the compilation (generators' output included), the loaded assembly, the documents.</summary>
internal sealed record CompiledClients(Compilation Output, Assembly Assembly, IReadOnlyList<SpecInput> Inputs, string Timings);

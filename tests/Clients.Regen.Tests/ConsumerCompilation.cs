using System.Diagnostics;
using System.Reflection;
using Clients.Regen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Clients.Regen.Tests;

/// <summary>
/// Compiles generated clients in memory the way a consumer's build does — System.Text.Json's source generator,
/// Refit's own <c>InterfaceStubGenerator</c> (Refit 16 calls only its generated stubs) and the project's
/// <c>Clients.Generator</c> (the registration that <c>Add{Provider}Clients</c> picks up) — against the real provider
/// packages given, warnings as errors. (Shared with the catalogue sweeps, which link this file.)
/// </summary>
internal static class ConsumerCompilation
{
    private static readonly string[] PreprocessorSymbols =
    [
        "NET", "NET10_0", "NETCOREAPP",
        .. Enumerable.Range(5, 6).Select(v => $"NET{v}_0_OR_GREATER"),
        "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER",
        "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER",
    ];

    /// <summary>
    /// Compiles and reports every warning and error (of the compiler, of the source generators and, when
    /// <paramref name="withRefitAnalyzers"/>, of Refit's analyzers over the generated files as a consumer's build runs
    /// them on its own code); loads nothing. <paramref name="packages"/>: the provider packages the generated code
    /// registers with (Clients.Optimum, Clients.Ovh...).
    /// </summary>
    public static CompileAttempt TryCompile(string assemblyName, IReadOnlyDictionary<string, string> files, IReadOnlyList<SpecInput> inputs, bool withRefitAnalyzers, params Assembly[] packages)
    {
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        // The symbols the SDK defines for net10.0: Refit's stubs register themselves in an `#if NET5_0_OR_GREATER` module initializer.
        var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: PreprocessorSymbols);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Value, parse, path: f.Key));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Refit.GetAttribute).Assembly.Location)
            .Append(typeof(Refit.HttpClientFactoryExtensions).Assembly.Location)
            .Append(typeof(Clients.Core.ClientProviderBuilder).Assembly.Location)
            .Concat(packages.Select(static p => p.Location))
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

        IEnumerable<Diagnostic> analyzed = [];
        if (withRefitAnalyzers)
        {
            // As RefitDiagnostics runs them: the generated files count as the consumer's own code (generated_code = false).
            var failures = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([], new BuildProperties(files.Keys.ToHashSet(StringComparer.Ordinal))),
                onAnalyzerException: (exception, analyzer, _) => failures.Add($"{analyzer}: {exception.Message}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            analyzed = output.WithAnalyzers(RefitDiagnostics.Analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            if (failures.Count > 0)
            {
                throw new InvalidOperationException("Refit's analyzers failed: " + string.Join("\n", failures));
            }
        }

        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        var problems = generatorDiagnostics.Concat(emitted.Diagnostics).Concat(analyzed)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Select(d => d.ToString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var timings = $"source generators {generated.TotalSeconds:0.0} s, {(withRefitAnalyzers ? "Refit analyzers + " : "")}compile + emit {(clock.Elapsed - generated).TotalSeconds:0.0} s "
                      + $"(wall; CPU of this process meanwhile {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:0} s), {image.Length / 1024} KiB";
        return new CompileAttempt(output, emitted.Success ? image.ToArray() : null, problems, inputs, timings);
    }
}

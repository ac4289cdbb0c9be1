using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Clients.Regen.Tests;

/// <summary>
/// Refit's own diagnostics over generated code, in memory: the source generator (InterfaceStubGenerator) and the
/// analyzers of the Refit package this repository pins (its <c>analyzers/dotnet/roslyn*/cs</c> folder), run over the
/// generated interfaces and contracts exactly as a consumer's build runs them.
/// </summary>
internal static class RefitDiagnostics
{
    private static readonly Lazy<(ImmutableArray<ISourceGenerator> Generators, ImmutableArray<DiagnosticAnalyzer> Analyzers)> Package = new(Load);

    /// <summary>Every diagnostic of severity Warning or above: the compiler's, Refit's generator's and Refit's analyzers'.</summary>
    public static async Task<RefitResult> RunAsync(IReadOnlyDictionary<string, string> files)
    {
        var (compileDiagnostics, compilation) = InMemoryCompiler.Compile(files);
        var (generators, analyzers) = Package.Value;
        var parse = (CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, parseOptions: parse);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var withStubs, out var generatorDiagnostics);
        var stubs = driver.GetRunResult().Results.Sum(r => r.GeneratedSources.Length);
        var analyzed = await withStubs.WithAnalyzers(analyzers).GetAllDiagnosticsAsync();
        var diagnostics = compileDiagnostics
            .Concat(generatorDiagnostics)
            .Concat(analyzed)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Distinct()
            .ToList();
        return new RefitResult(diagnostics, stubs, analyzers.Length, withStubs);
    }

    private static (ImmutableArray<ISourceGenerator>, ImmutableArray<DiagnosticAnalyzer>) Load()
    {
        var package = typeof(RefitDiagnostics).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RefitPackageDirectory")?.Value
            ?? throw new InvalidOperationException("The test assembly carries no RefitPackageDirectory metadata (the csproj writes it from $(PkgRefit)).");
        var slot = Directory.GetDirectories(Path.Combine(package, "analyzers", "dotnet"), "roslyn*")
            .OrderBy(d => Version.Parse(Path.GetFileName(d)["roslyn".Length..]))
            .Last();
        // The generator and the analyzers; not the code fixes (an IDE's, they need Roslyn's Workspaces).
        var assemblies = Directory.GetFiles(Path.Combine(slot, "cs"), "*.dll")
            .Where(f => !Path.GetFileName(f).Contains("CodeFixes", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(Assembly.LoadFrom)
            .ToList();
        var types = assemblies.SelectMany(a => a.GetTypes()).Where(t => !t.IsAbstract).ToList();
        var generators = types
            .Where(t => t.GetCustomAttribute<GeneratorAttribute>() is not null)
            .Select(t => Activator.CreateInstance(t) switch
            {
                IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
                ISourceGenerator generator => generator,
                var other => throw new InvalidOperationException($"{t}: not a generator ({other})"),
            })
            .ToImmutableArray();
        var analyzers = types
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        if (generators.IsEmpty || analyzers.IsEmpty)
        {
            throw new InvalidOperationException($"Refit's package at {slot} holds {generators.Length} generator(s) and {analyzers.Length} analyzer(s); expected both.");
        }

        return (generators, analyzers);
    }
}

/// <summary>What Refit reported over one set of generated files.</summary>
/// <param name="Diagnostics">Warnings and errors (compiler, Refit generator, Refit analyzers).</param>
/// <param name="Stubs">Sources Refit's generator produced (one per interface, plus its shared ones).</param>
/// <param name="Analyzers">Refit analyzers that ran.</param>
internal sealed record RefitResult(IReadOnlyList<Diagnostic> Diagnostics, int Stubs, int Analyzers, Compilation Output);

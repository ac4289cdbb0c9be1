using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clients.Regen.Tests;

/// <summary>Compiles generated files in memory against the runtime, Refit and System.Text.Json's source generator.</summary>
internal static class InMemoryCompiler
{
    private const string Markers = """
        namespace Clients.Ovh { [global::System.AttributeUsage(global::System.AttributeTargets.Interface)] public sealed class OvhApiAttribute : global::System.Attribute { } }
        namespace Clients.Optimum { [global::System.AttributeUsage(global::System.AttributeTargets.Interface)] public sealed class OptimumApiAttribute : global::System.Attribute { } }
        namespace Clients.Origami { [global::System.AttributeUsage(global::System.AttributeTargets.Interface)] public sealed class OrigamiApiAttribute : global::System.Attribute { } }
        """;

    public static (IReadOnlyList<Diagnostic> Diagnostics, Compilation Output) Compile(IReadOnlyDictionary<string, string> files)
    {
        var compilation = Create(files);
        var driver = CSharpGeneratorDriver.Create(JsonGenerator()).WithUpdatedParseOptions((CSharpParseOptions)compilation.SyntaxTrees.First().Options);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var diagnostics = generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .ToList();
        return (diagnostics, output);
    }

    /// <summary>The compilation of the files (and the marker attributes), before any source generator ran.</summary>
    public static CSharpCompilation Create(IReadOnlyDictionary<string, string> files)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Value, parse, path: f.Key))
            .Append(CSharpSyntaxTree.ParseText(Markers, parse, path: "Markers.cs"));
        // The provider assemblies are left out: the files compiled here stand in for them (same namespaces, marker
        // attributes above), and a test project that also references them (the catalogue sweeps) would see every
        // generated type twice (CS0436).
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is not ("Clients.Ovh.dll" or "Clients.Ovh.Generated.dll" or "Clients.Optimum.dll" or "Clients.Origami.dll"))
            .Append(typeof(Refit.GetAttribute).Assembly.Location)
            .Append(typeof(Clients.Core.Wire.IOpenEnum).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => MetadataReference.CreateFromFile(p));
        return CSharpCompilation.Create(
            "Generated",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error));
    }

    /// <summary>The System.Text.Json source generator shipped with the targeting pack this test runs on.</summary>
    internal static ISourceGenerator JsonGenerator()
    {
        var dotnetRoot = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location))))!;
        var version = Environment.Version;
        var packs = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref"))
            .Where(d => Path.GetFileName(d).StartsWith($"{version.Major}.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Last();
        var path = Path.Combine(packs, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll");
        var assembly = Assembly.LoadFrom(path);
        var type = assembly.GetTypes().Single(t => t.Name == "JsonSourceGenerator");
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }
}

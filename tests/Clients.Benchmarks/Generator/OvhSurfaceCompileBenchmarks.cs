using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clients.Benchmarks.Generator;

/// <summary>
/// What open enums and kept unknown properties (issue 12) cost the compile of the OVH surface: <c>src/Clients.Ovh</c>
/// compiled with every generator its build runs (System.Text.Json, logging, options, Refit, ours) and emitted, once with
/// today's generated code and once with the generated code of the commit before open enums (<c>17dbb14^</c>, or the
/// commit named by <c>CLIENTS_BENCH_BEFORE_REF</c>), the hand-written files being today's in both.
/// <c>dotnet run -c Release --project tests/Clients.Benchmarks -- --filter '*OvhSurfaceCompileBenchmarks*'</c>
/// (needs the repository's git history).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(GeneratorBenchmarks.InProcessConfig))]
public class OvhSurfaceCompileBenchmarks
{
    private const string GeneratedFolder = "src/Clients.Ovh/Generated";

    private CSharpCompilation _before = null!;
    private CSharpCompilation _current = null!;
    private ISourceGenerator[] _generators = null!;

    /// <summary>Reads both versions of the generated code and checks that both compile.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var beforeRef = Environment.GetEnvironmentVariable("CLIENTS_BENCH_BEFORE_REF") ?? "17dbb14^";
        var generated = Clients.Testing.TestRepository.Path("src", "Clients.Ovh", "Generated") + Path.DirectorySeparatorChar;
        var current = GeneratorBenchmarks.OvhProjectSources().Select(f => (f, File.ReadAllText(f))).ToList();
        var handWritten = current.Where(f => !f.f.StartsWith(generated, StringComparison.Ordinal));
        var beforeGenerated = Git("ls-tree", "-r", "--name-only", beforeRef, GeneratedFolder)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => (Clients.Testing.TestRepository.Path(f), Git("show", $"{beforeRef}:{f}")))
            .ToList();
        if (beforeGenerated.Count == 0)
        {
            throw new InvalidOperationException($"{beforeRef} has no C# files under {GeneratedFolder}.");
        }

        _current = GeneratorBenchmarks.OvhCompilation(current);
        _before = GeneratorBenchmarks.OvhCompilation(handWritten.Concat(beforeGenerated));
        _generators = GeneratorBenchmarks.AllGenerators();
        foreach (var (name, compilation) in new[] { ("before", _before), ("current", _current) })
        {
            var output = WithGenerators(compilation);
            var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"The {name} OVH surface does not compile: " + string.Join("\n", errors.Take(5)));
            }

            var lines = compilation.SyntaxTrees.Where(t => t.FilePath.StartsWith(generated, StringComparison.Ordinal))
                .Sum(t => t.GetText().Lines.Count);
            Console.WriteLine($"// {name}: {lines} generated lines, {output.SyntaxTrees.Count()} trees after generators");
        }
    }

    /// <summary>The generated code before open enums (closed C# enums, no extension data).</summary>
    /// <returns>The emitted size.</returns>
    [Benchmark(Baseline = true)]
    public long CompileBeforeOpenEnums() => Emit(_before);

    /// <summary>Today's generated code.</summary>
    /// <returns>The emitted size.</returns>
    [Benchmark]
    public long CompileCurrent() => Emit(_current);

    private long Emit(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var result = WithGenerators(compilation).Emit(stream);
        return result.Success ? stream.Length : throw new InvalidOperationException("Emit failed.");
    }

    private Compilation WithGenerators(CSharpCompilation compilation)
    {
        GeneratorBenchmarks.CreateDriver(_generators).RunGeneratorsAndUpdateCompilation(compilation.Clone(), out var output, out _);
        return output;
    }

    private static string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(Clients.Testing.TestRepository.Root);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started.");
        var output = git.StandardOutput.ReadToEndAsync();
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        return git.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({git.ExitCode}): {error.Trim()}");
    }
}

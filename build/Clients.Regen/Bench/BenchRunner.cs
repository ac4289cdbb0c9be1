using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Clients.Regen.Emit;
using Clients.Regen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clients.Regen.Bench;

/// <summary>
/// <c>Clients.Regen bench [--mirror DIR]</c>: regenerates every OVH document (of the mirror when given, else the
/// committed <c>specs/ovh</c>) with this tool and with NSwag's
/// stock C# client generator (default settings, System.Text.Json), side by side in one process, then compiles both
/// outputs in memory. Prints medians of several runs after a warm-up, line counts and the ratios.
/// </summary>
internal static class BenchRunner
{
    private const int Runs = 3;

    public static async Task<int> RunAsync(Pipeline.RegenOptions options, TextWriter output)
    {
        var root = Path.Combine(options.Mirror ?? Path.Combine(options.Root, "specs"), "ovh");
        var inputs = new[] { "v1", "v2" }
            .SelectMany(version => Directory.EnumerateFiles(Path.Combine(root, version), "*.json", SearchOption.AllDirectories))
            .Where(f => Path.GetFileName(f) != "index.json")
            .Order(StringComparer.Ordinal)
            .Select(f => new SpecInput(Path.GetRelativePath(root, f).Replace('\\', '/')[..^".json".Length], f, File.ReadAllBytes(f)))
            .ToList();
        output.WriteLine($"documents: {inputs.Count}, {inputs.Sum(i => i.Content.Length):N0} bytes");

        SortedDictionary<string, string> ours = [];
        var oursTimes = new List<double>();
        for (var run = 0; run <= Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            ours = ClientEmitter.Emit(Providers.Ovh, inputs);
            if (run > 0)
            {
                oursTimes.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var nswagPath = FindNSwag();
        if (nswagPath is null)
        {
            output.WriteLine("NSwag.MSBuild's dotnet-nswag.dll not found in the NuGet packages folder (restore build/Clients.Regen first)");
            return 2;
        }

        Dictionary<string, string> nswag = [];
        var nswagTimes = new List<double>();
        var nswagReported = new List<double>();
        for (var run = 0; run <= 1; run++)
        {
            var watch = Stopwatch.StartNew();
            (nswag, var reported) = await NSwagAsync(inputs, nswagPath).ConfigureAwait(false);
            if (run > 0)
            {
                nswagTimes.Add(watch.Elapsed.TotalMilliseconds);
                nswagReported.Add(reported);
            }
        }

        var oursLines = ours.Values.Sum(Lines);
        var nswagLines = nswag.Values.Sum(Lines);
        var oursMedian = Median(oursTimes);
        var nswagMedian = Median(nswagTimes);
        var nswagInProcess = Median(nswagReported);
        output.WriteLine(Invariant($"generation of all documents: RegenClients {oursMedian:F0} ms (median of {Runs} in-process runs after a warm-up); NSwag stock {nswagMedian:F0} ms wall clock for {inputs.Count} runner processes, {nswagInProcess:F0} ms summed from NSwag's own 'Duration' lines; ratios NSwag/RegenClients {nswagMedian / oursMedian:F1} (wall) and {nswagInProcess / oursMedian:F1} (NSwag in-process)"));
        output.WriteLine(Invariant($"generated: RegenClients {ours.Count} files, {oursLines:N0} lines, {ours.Values.Sum(v => v.Length):N0} chars; NSwag {nswag.Count} files, {nswagLines:N0} lines, {nswag.Values.Sum(v => v.Length):N0} chars; ratio {nswagLines / (double)oursLines:F2}"));

        // Warm Roslyn up (JIT, metadata) so that the first measured compilation is not penalised.
        var plainFiles = ours.Where(f => !f.Key.EndsWith("JsonSerializerContext.g.cs", StringComparison.Ordinal)).ToDictionary();
        Compile(plainFiles, withJsonGenerator: false);
        var (oursCompile, oursErrors) = Compile(ours, withJsonGenerator: true);
        var (oursPlain, _) = Compile(plainFiles, withJsonGenerator: false);
        var (nswagCompile, nswagErrors) = Compile(nswag, withJsonGenerator: false);
        output.WriteLine(Invariant($"compile (Roslyn in memory, emit to memory): RegenClients {oursCompile:F0} ms with the STJ source generator ({oursErrors} errors), {oursPlain:F0} ms without its JsonSerializerContext; NSwag {nswagCompile:F0} ms ({nswagErrors} errors); ratios NSwag/RegenClients {nswagCompile / oursCompile:F2} (with STJ) and {nswagCompile / oursPlain:F2} (without)"));
        return 0;
    }

    /// <summary>
    /// NSwag's stock runner from the NSwag.MSBuild package (it bundles its own Fluid/Parlot, which the NuGet mirror only
    /// serves in mutually incompatible versions), one <c>openapi2csclient</c> per document with default settings and
    /// System.Text.Json. Returns the files and the sum of the durations NSwag itself reports (no process start-up).
    /// </summary>
    private static async Task<(Dictionary<string, string> Files, double ReportedMilliseconds)> NSwagAsync(IReadOnlyList<SpecInput> inputs, string nswag)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var reported = 0.0;
        var directory = Path.Combine(Path.GetTempPath(), "clients-regen-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            foreach (var input in inputs)
            {
                var name = Naming.Pascal(input.Key.Replace('/', '.'));
                var target = Path.Combine(directory, name + ".cs");
                var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in new[] { nswag, "openapi2csclient", "/input:" + input.Source, "/output:" + target, "/jsonLibrary:SystemTextJson", "/namespace:NSwagOvh." + name, "/className:" + name + "Client" })
                {
                    start.ArgumentList.Add(argument);
                }

                using var process = Process.Start(start)!;
                var text = await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
                await process.StandardError.ReadToEndAsync().ConfigureAwait(false);
                await process.WaitForExitAsync().ConfigureAwait(false);
                if (process.ExitCode != 0 || !File.Exists(target))
                {
                    throw new InvalidOperationException($"NSwag failed on {input.Key}: {text}");
                }

                var duration = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("Duration:", StringComparison.Ordinal));
                if (duration is not null && TimeSpan.TryParse(duration["Duration:".Length..].Trim(), CultureInfo.InvariantCulture, out var elapsed))
                {
                    reported += elapsed.TotalMilliseconds;
                }

                result[input.Key + ".cs"] = await File.ReadAllTextAsync(target).ConfigureAwait(false);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return (result, reported);
    }

    private static string? FindNSwag()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var root = Path.Combine(packages, "nswag.msbuild");
        return Directory.Exists(root)
            ? Directory.GetDirectories(root).Order(StringComparer.Ordinal)
                .Select(v => Path.Combine(v, "tools", "Net" + Environment.Version.Major + "0", "dotnet-nswag.dll"))
                .LastOrDefault(File.Exists)
            : null;
    }

    private static (double Milliseconds, int Errors) Compile(IReadOnlyDictionary<string, string> files, bool withJsonGenerator)
    {
        var watch = Stopwatch.StartNew();
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Value, parse, path: f.Key))
            .Append(CSharpSyntaxTree.ParseText("namespace Clients.Ovh { public sealed class OvhApiAttribute : global::System.Attribute { } }", parse))
            .ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(Path.Combine(AppContext.BaseDirectory, "Refit.dll"))
            .Where(File.Exists)
            .Distinct(StringComparer.Ordinal)
            .Select(p => MetadataReference.CreateFromFile(p));
        Compilation compilation = CSharpCompilation.Create("Bench", trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        if (withJsonGenerator)
        {
            CSharpGeneratorDriver.Create(JsonGenerator()).WithUpdatedParseOptions(parse)
                .RunGeneratorsAndUpdateCompilation(compilation, out compilation, out _);
        }

        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        return (watch.Elapsed.TotalMilliseconds, result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
    }

    private static ISourceGenerator JsonGenerator()
    {
        var dotnetRoot = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(typeof(object).Assembly.Location))))!;
        var pack = Directory.GetDirectories(Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref"))
            .Where(d => Path.GetFileName(d).StartsWith(Environment.Version.Major + ".", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Last();
        var assembly = Assembly.LoadFrom(Path.Combine(pack, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll"));
        return ((IIncrementalGenerator)Activator.CreateInstance(assembly.GetTypes().Single(t => t.Name == "JsonSourceGenerator"))!).AsSourceGenerator();
    }

    private static int Lines(string text) => text.Count(c => c == '\n');

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}

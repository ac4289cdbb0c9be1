using System.Reflection;
using Clients.Regen.Model;
using Clients.Regen.Pipeline;

namespace Clients.Regen.Tests.Polymorphism;

/// <summary>
/// The shapes fixture (<c>Fixtures/polymorphism.json</c>) as a consumer's project gets it: RegenClients run for the
/// document in the Optimum slot (<c>&lt;OptimumDocument Include="polymorphism.json" /&gt;</c>, namespace
/// <c>Clients.RoundTrip</c>), the output compiled with System.Text.Json's, Refit's and the Clients generators against
/// the real <c>Clients.Optimum</c> package (<see cref="ConsumerCompilation"/>), and loaded: its registration is what
/// <c>AddOptimumClients</c> picks up.
/// </summary>
public sealed class GeneratedShapesClients
{
    public const string Namespace = "Clients.RoundTrip.Optimum";

    public GeneratedShapesClients()
    {
        var project = Path.Combine(Path.GetTempPath(), "clients-roundtrip-" + Guid.NewGuid().ToString("N"));
        try
        {
            var log = new StringWriter();
            var options = new RegenOptions
            {
                Root = project,
                Providers = ["optimum"],
                Force = true,
                SpecsDirectory = Path.Combine(project, "specs"),
                StampDirectory = Path.Combine(project, "obj", "stamps"),
                Namespace = "Clients.RoundTrip",
                GeneratedDirectory = Path.Combine(project, "Generated"),
                OptimumDocument = ShapesFixture.Document,
            };
            var exit = new RegenPipeline(options, log, TimeProvider.System).RegenAsync(CancellationToken.None).GetAwaiter().GetResult();
            if (exit != 0)
            {
                throw new InvalidOperationException("RegenClients failed: " + log);
            }

            var generated = Path.Combine(project, "Generated", "Optimum");
            var files = Directory.EnumerateFiles(generated, "*.cs", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(generated, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
            var attempt = ConsumerCompilation.TryCompile("Clients.RoundTrip", files, [], withRefitAnalyzers: false, typeof(Clients.Optimum.OptimumApiAttribute).Assembly);
            Problems = attempt.Problems;
            Assembly = attempt.Image is null ? null : attempt.Load().Assembly;
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    /// <summary>Every warning and error of the consumer's compilation (none expected).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The loaded clients (null when they did not compile).</summary>
    public Assembly? Assembly { get; }

    public Type Api(string name) => Loaded.GetType(Namespace + "." + name) ?? throw new InvalidOperationException(name + " was not generated");

    public Type Model(string name) => Loaded.GetType(Namespace + ".Models." + name) ?? throw new InvalidOperationException(name + " was not generated");

    private Assembly Loaded => Assembly ?? throw new InvalidOperationException("The generated clients do not compile: " + string.Join("\n", Problems.Take(20)));
}

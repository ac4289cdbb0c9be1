using System.Reflection;
using Clients.Regen.Pipeline;
using Clients.Sandbox.Specs;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Regen.Tests;

/// <summary>
/// A document as a consumer's project gets it: RegenClients run for the document in the Optimum slot
/// (<c>&lt;OptimumDocument Include="file" /&gt;</c>, the consumer's own namespace), the output compiled with
/// System.Text.Json's, Refit's and the Clients generators against the real <c>Clients.Optimum</c> package
/// (<see cref="ConsumerCompilation"/>), and loaded: its registration is what <c>AddOptimumClients</c> picks up.
/// </summary>
public abstract class GeneratedConsumerClients
{
    /// <param name="document">The document's path.</param>
    /// <param name="rootNamespace">The consumer's namespace (also the assembly's name); the clients go to <c>{rootNamespace}.Optimum</c>.</param>
    protected GeneratedConsumerClients(string document, string rootNamespace)
    {
        Namespace = rootNamespace + ".Optimum";
        var project = Path.Combine(Path.GetTempPath(), "clients-consumer-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, log, files) = RegenerateAsync(document, project, rootNamespace).GetAwaiter().GetResult();
            Files = exit == 0 ? files! : throw new InvalidOperationException("RegenClients failed: " + log);
            var attempt = ConsumerCompilation.TryCompile(rootNamespace, Files, [], withRefitAnalyzers: true, typeof(Clients.Optimum.OptimumApiAttribute).Assembly);
            Problems = attempt.Problems;
            Assembly = attempt.Image is null ? null : attempt.Load().Assembly;
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    /// <summary>
    /// RegenClients as a consumer's project runs it on its own document (<c>&lt;OptimumDocument Include="file" /&gt;</c>:
    /// <c>Clients.Regen regen --optimum-document FILE --namespace NS --generated DIR</c>), in <paramref name="project"/>.
    /// </summary>
    /// <returns>The exit code, the tool's output, and the generated files keyed by their path under <c>Generated/Optimum</c> (null when it failed).</returns>
    public static async Task<(int Exit, string Log, IReadOnlyDictionary<string, string>? Files)> RegenerateAsync(string document, string project, string rootNamespace)
    {
        var log = new StringWriter();
        var options = new RegenOptions
        {
            Root = project,
            Providers = ["optimum"],
            Force = true,
            SpecsDirectory = Path.Combine(project, "specs"),
            StampDirectory = Path.Combine(project, "obj", "stamps"),
            Namespace = rootNamespace,
            GeneratedDirectory = Path.Combine(project, "Generated"),
            OptimumDocument = document,
        };
        var exit = await new RegenPipeline(options, log, TimeProvider.System).RegenAsync(CancellationToken.None);
        if (exit != 0)
        {
            return (exit, log.ToString(), null);
        }

        var generated = Path.Combine(project, "Generated", "Optimum");
        var files = Directory.EnumerateFiles(generated, "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetRelativePath(generated, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
        return (exit, log.ToString(), files);
    }

    /// <summary>The container a consumer builds: <c>AddOptimumClients</c> pointed at <paramref name="api"/> and its OAuth2 token endpoint.</summary>
    public static ServiceProvider Connect(SpecSandbox api, string clientId, string clientSecret)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddOptimumClients(o =>
        {
            o.ApiBaseUrl = api.BaseAddress;
            o.TokenUrl = api.TokenUrl;
            o.ClientId = clientId;
            o.ClientSecret = clientSecret;
        });
        return services.BuildServiceProvider();
    }

    /// <summary>The namespace of the generated interfaces.</summary>
    public string Namespace { get; }

    /// <summary>The generated files, keyed by their path under <c>Generated/Optimum</c>.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    /// <summary>Every warning and error of the consumer's compilation, Refit's analyzers included (none expected).</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The loaded clients (null when they did not compile).</summary>
    public Assembly? Assembly { get; }

    public Type Api(string name) => Loaded.GetType(Namespace + "." + name) ?? throw new InvalidOperationException(name + " was not generated");

    public Type Model(string name) => Loaded.GetType(Namespace + ".Models." + name) ?? throw new InvalidOperationException(name + " was not generated");

    private Assembly Loaded => Assembly ?? throw new InvalidOperationException("The generated clients do not compile: " + string.Join("\n", Problems.Take(20)));
}

using System.Collections;
using Clients.Regen.Pipeline;

namespace Clients.Regen;

/// <summary>
/// <c>Clients.Regen regen|check|bench [--root DIR] [--mirror DIR] [--ovh-base-url URL] [--timeout SECONDS]
/// [--provider NAME]... [--force] [--report FILE.md] [--fail-on any|breaking]</c>, and for a consumer project (the
/// Clients.Build package's targets): <c>[--specs DIR] [--stamps DIR] [--namespace NS] [--generated DIR]
/// [--ovh-universe KEY]... [--optimum-document live|FILE] [--origami-document FILE]
/// [--document "path=FILE|provider=NAME|source=URL|attribute=TYPE|…"]...</c> (a consumer's own provider, see
/// <see cref="Model.ConsumerDocument"/>), and for the consumer's generated project <c>[--generated-project NAME
/// --target-frameworks TFMS --consumer-assembly NAME] [--package-reference ID=VERSION]... [--project-reference PATH]...
/// [--generated-compile PATH]...</c>. Normally run by the MSBuild
/// targets RegenClients and CheckSpecDrift. <c>check</c> exits 0 (no drift), 3 (non-breaking drift only), 4 (breaking
/// drift) or 1 (a document could not be pulled or is invalid).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("regen" or "check" or "bench"))
        {
            Console.Error.WriteLine("usage: Clients.Regen regen|check|bench [--root DIR] [--mirror DIR] [--ovh-base-url URL] [--timeout SECONDS] [--provider NAME]... [--force] [--report FILE.md] [--fail-on any|breaking] [--specs DIR] [--stamps DIR] [--namespace NS] [--generated DIR] [--ovh-universe KEY]... [--optimum-document live|FILE] [--origami-document FILE] [--document \"path=FILE|provider=NAME|source=URL|attribute=TYPE\"]... [--generated-project NAME] [--target-frameworks TFMS] [--consumer-assembly NAME] [--package-reference ID=VERSION]... [--project-reference PATH]... [--generated-compile PATH]... [--corpus DIR (bench)]");
            return 2;
        }

        string? root = null;
        string? mirror = Environment.GetEnvironmentVariable("CLIENTS_SPEC_MIRROR");
        var ovhBase = Environment.GetEnvironmentVariable("CLIENTS_OVH_SPEC_BASE_URL") ?? "https://eu.api.ovh.com";
        var timeout = TimeSpan.FromSeconds(30);
        var providers = new List<string>();
        var force = false;
        string? specs = null, stamps = null, ns = null, generated = null, optimumDocument = null, origamiDocument = null;
        List<string>? universes = null;
        string? generatedProject = null, targetFrameworks = null, consumerAssembly = null;
        var packageReferences = new List<(string Id, string? Version)>();
        var projectReferences = new List<string>();
        var compileItems = new List<string>();
        var documents = new List<Model.ConsumerDocument>();
        string? report = null;
        string? corpus = null;
        var failOnBreakingOnly = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--root": root = args[++i]; break;
                case "--mirror": mirror = args[++i]; break;
                case "--ovh-base-url": ovhBase = args[++i]; break;
                case "--timeout": timeout = TimeSpan.FromSeconds(double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture)); break;
                case "--provider": providers.Add(args[++i]); break;
                case "--force": force = true; break;
                case "--specs": specs = args[++i]; break;
                case "--stamps": stamps = args[++i]; break;
                case "--namespace": ns = args[++i]; break;
                case "--generated": generated = args[++i]; break;
                case "--generated-project": generatedProject = args[++i]; break;
                case "--target-frameworks": targetFrameworks = args[++i]; break;
                case "--consumer-assembly": consumerAssembly = args[++i]; break;
                case "--package-reference":
                    var reference = args[++i].Split('=', 2);
                    if (reference[0].Trim().Length > 0)
                    {
                        packageReferences.Add((reference[0].Trim(), reference.Length > 1 && reference[1].Trim().Length > 0 ? reference[1].Trim() : null));
                    }

                    break;
                case "--project-reference": projectReferences.Add(args[++i]); break;
                case "--generated-compile": compileItems.Add(args[++i]); break;
                case "--ovh-universe": (universes ??= []).Add(args[++i].Trim().Trim('/')); break;
                case "--optimum-document": optimumDocument = args[++i]; break;
                case "--origami-document": origamiDocument = args[++i]; break;
                case "--document":
                    try
                    {
                        documents.Add(Model.ConsumerDocument.Parse(args[++i]));
                    }
                    catch (FormatException ex)
                    {
                        Console.Error.WriteLine($"RegenClients : error REGEN003: {ex.Message}.");
                        return 2;
                    }

                    break;
                case "--corpus": corpus = args[++i]; break;
                case "--report": report = args[++i]; break;
                case "--fail-on":
                    switch (args[++i].ToLowerInvariant())
                    {
                        case "any" or "": failOnBreakingOnly = false; break;
                        case "breaking": failOnBreakingOnly = true; break;
                        default:
                            Console.Error.WriteLine($"CheckSpecDrift : error REGEN003: --fail-on (SpecDriftFailOn) is '{args[i]}'; use Any or Breaking.");
                            return 2;
                    }

                    break;
                default:
                    Console.Error.WriteLine($"unknown option '{args[i]}'");
                    return 2;
            }
        }

        root ??= FindRoot(Directory.GetCurrentDirectory());
        if (root is null)
        {
            Console.Error.WriteLine("RegenClients : error REGEN003: cannot find the repository root (a folder with Clients.sln); pass --root.");
            return 2;
        }

        root = Path.GetFullPath(root);
        foreach (var universe in universes ?? [])
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(universe, "^v[12]/[A-Za-z0-9][A-Za-z0-9/]*$") || universe.Contains("//", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"RegenClients : error REGEN003: OvhUniverse '{universe}' is not an OVH universe key such as v1/sms or v2/iam.");
                return 2;
            }
        }

        IReadOnlyList<Model.ProviderDefinition> consumerProviders;
        try
        {
            consumerProviders = Model.ConsumerDocument.Describe(documents, string.IsNullOrWhiteSpace(ns) ? null : ns);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"RegenClients : error REGEN003: {ex.Message}.");
            return 2;
        }

        var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
        var options = new RegenOptions
        {
            Root = Path.GetFullPath(root),
            Mirror = string.IsNullOrWhiteSpace(mirror) ? null : Path.GetFullPath(mirror),
            OvhBaseUrl = ovhBase,
            Timeout = timeout,
            Providers = providers,
            Force = force,
            ReportPath = string.IsNullOrWhiteSpace(report) ? null : Path.GetFullPath(report),
            FailOnBreakingOnly = failOnBreakingOnly,
            Environment = environment,
            SpecsDirectory = specs is null ? null : Path.GetFullPath(specs, root),
            StampDirectory = stamps is null ? null : Path.GetFullPath(stamps, root),
            Namespace = string.IsNullOrWhiteSpace(ns) ? null : ns,
            GeneratedDirectory = generated is null ? null : Path.GetFullPath(generated, root),
            GeneratedProject = string.IsNullOrWhiteSpace(generatedProject) ? null : new GeneratedProject(
                generatedProject,
                string.IsNullOrWhiteSpace(targetFrameworks) ? "net10.0" : targetFrameworks,
                string.IsNullOrWhiteSpace(consumerAssembly) ? generatedProject : consumerAssembly,
                packageReferences,
                projectReferences.Where(p => p.Trim().Length > 0).Select(p => Path.GetFullPath(p, root)).ToList(),
                compileItems.Where(p => p.Trim().Length > 0).Select(p => Path.GetFullPath(p, root)).ToList()),
            OvhUniverses = universes,
            OptimumDocument = string.IsNullOrWhiteSpace(optimumDocument) ? null : optimumDocument,
            OrigamiDocument = string.IsNullOrWhiteSpace(origamiDocument) ? null : origamiDocument,
            ConsumerProviders = consumerProviders,
        };

        if (options.Mirror is { } m && !Directory.Exists(m))
        {
            Console.Error.WriteLine($"RegenClients : error REGEN003: the spec mirror '{m}' (CLIENTS_SPEC_MIRROR / ClientsSpecMirror) does not exist.");
            return 2;
        }

        var pipeline = new RegenPipeline(options, Console.Out, TimeProvider.System);
        return args[0] switch
        {
            "regen" => await pipeline.RegenAsync(CancellationToken.None).ConfigureAwait(false),
            "check" => await pipeline.CheckAsync(CancellationToken.None).ConfigureAwait(false),
            _ when corpus is not null => await Bench.CorpusBench.RunAsync(Path.GetFullPath(corpus), Console.Out).ConfigureAwait(false),
            _ => await Bench.BenchRunner.RunAsync(options, Console.Out).ConfigureAwait(false),
        };
    }

    private static string? FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Clients.sln")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}

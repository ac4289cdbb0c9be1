using Clients.Regen.Emit;
using Clients.Regen.Model;
using Clients.Regen.Tests;

namespace Clients.Catalogue.Tests.AllOperations;

/// <summary>
/// Compiles generated clients in memory the way a consumer's build does (<see cref="ConsumerCompilation"/>) against
/// the real provider packages, then loads the assembly and runs its module initializers (what its first use would do).
/// </summary>
internal static class GeneratedClientAssembly
{
    /// <summary>The namespace of the mirror's OVH clients compiled here (not <c>Clients.Ovh</c>: the real package is referenced too).</summary>
    public const string OvhNamespace = "Clients.AllOperations.Ovh";

    private static readonly Lazy<CompiledClients> LazyOvhMirror = new(static () =>
    {
        var inputs = SpecMirror.OvhDocuments().Select(d => new SpecInput(d.Key, d.Path, File.ReadAllBytes(d.Path))).ToList();
        return Compile(OvhNamespace, ClientEmitter.Emit(Providers.Ovh with { Namespace = OvhNamespace }, inputs), inputs);
    });

    /// <summary>Every OVH universe of the spec source, generated as RegenClients does and compiled once for all the tests of this project.</summary>
    public static CompiledClients OvhMirror => LazyOvhMirror.Value;

    /// <summary>Compiles, loads and initializes; throws when the generated code does not compile cleanly.</summary>
    public static CompiledClients Compile(string assemblyName, IReadOnlyDictionary<string, string> files, IReadOnlyList<SpecInput> inputs)
    {
        var attempt = TryCompile(assemblyName, files, inputs, withRefitAnalyzers: false);
        if (attempt.Image is null || attempt.Problems.Count > 0)
        {
            throw new InvalidOperationException(
                $"The generated clients of {assemblyName} do not compile cleanly with Refit's and the project's generators ({attempt.Problems.Count} diagnostics):\n"
                + string.Join("\n", attempt.Problems.Take(30)));
        }

        return attempt.Load();
    }

    /// <summary>
    /// Compiles the way a consumer's build does (<see cref="ConsumerCompilation.TryCompile"/>, against the OVH and
    /// Optimum packages) and reports every warning and error; loads nothing.
    /// </summary>
    public static CompileAttempt TryCompile(string assemblyName, IReadOnlyDictionary<string, string> files, IReadOnlyList<SpecInput> inputs, bool withRefitAnalyzers) =>
        ConsumerCompilation.TryCompile(assemblyName, files, inputs, withRefitAnalyzers, typeof(Clients.Ovh.OvhApiAttribute).Assembly, typeof(Clients.Optimum.OptimumApiAttribute).Assembly);
}

namespace Clients.Regen.Pipeline;

/// <summary>
/// A consumer's generated clients as a project of their own (the Clients.Build targets, <c>ClientsGeneratedProject</c>):
/// RegenClients writes <c>{Generated}/{Name}.csproj</c> beside the provider folders, and the consumer's build references
/// it instead of compiling <c>Generated/</c> itself, so an edit to the consumer's own code leaves the generated
/// assembly up to date (its compile and trim analysis are not repeated).
/// </summary>
/// <param name="Name">The project's (and assembly's) name: <c>{ConsumerProject}.Generated</c>.</param>
/// <param name="TargetFrameworks">The consumer's target framework(s), <c>;</c>-separated.</param>
/// <param name="Consumer">The consumer's assembly name: it sees the generated assembly's internals.</param>
/// <param name="PackageReferences">The consumer's <c>Clients.*</c> and Refit packages (id, version; no version under central package management).</param>
/// <param name="ProjectReferences">Projects the generated code needs (full paths), for example one declaring a provider of the consumer's own.</param>
/// <param name="CompileItems">Hand-written files compiled into the generated assembly (full paths), for example a provider's attribute, options and registration.</param>
internal sealed record GeneratedProject(
    string Name,
    string TargetFrameworks,
    string Consumer,
    IReadOnlyList<(string Id, string? Version)> PackageReferences,
    IReadOnlyList<string> ProjectReferences,
    IReadOnlyList<string> CompileItems)
{
    /// <summary>The file holding the type the consumer's module initializer uses to load the generated assembly.</summary>
    public const string MarkerFile = "ClientsGeneratedAssembly.g.cs";

    /// <summary>The marker type's simple name, in the consumer's namespace.</summary>
    public const string MarkerType = "ClientsGeneratedAssembly";
}

namespace Clients.Generator.Models;

/// <summary>The few compilation-wide facts the emitter needs, as values.</summary>
/// <param name="AssemblyName">The compilation's assembly name.</param>
/// <param name="CanUseModuleInitializer">Whether <c>ModuleInitializerAttribute</c> exists.</param>
/// <param name="UnsupportedRefitVersion">
/// The version of the referenced Refit when it lies outside <c>RefitVersionRange</c> (then the generated
/// implementations are not emitted and CLG006 stops the build); null when Refit is in range or not referenced.
/// </param>
internal sealed record CompilationFacts(string AssemblyName, bool CanUseModuleInitializer, string? UnsupportedRefitVersion = null);

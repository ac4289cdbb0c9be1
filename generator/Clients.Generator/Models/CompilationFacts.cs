namespace Clients.Generator.Models;

/// <summary>The few compilation-wide facts the emitter needs, as values.</summary>
internal sealed record CompilationFacts(string AssemblyName, bool CanUseModuleInitializer);

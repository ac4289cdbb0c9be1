namespace Clients.Generator.Models;

/// <summary>
/// Everything emitted for one provider in one compilation. One pipeline item per provider, so editing an interface of
/// one provider re-emits only that provider's files.
/// </summary>
/// <param name="Provider">The provider.</param>
/// <param name="Interfaces">Its marked interfaces in this compilation, sorted by name.</param>
/// <param name="AssemblyName">The compilation's assembly name (distinguishes consumer-side classes).</param>
/// <param name="CanUseModuleInitializer">Whether <c>[ModuleInitializer]</c> exists in the target framework.</param>
/// <param name="JsonContexts">The compilation's source-generated JSON contexts (fully qualified names, sorted).</param>
internal sealed record ProviderOutput(
    ProviderModel Provider,
    EquatableArray<InterfaceModel> Interfaces,
    string AssemblyName,
    bool CanUseModuleInitializer,
    EquatableArray<string> JsonContexts = default);

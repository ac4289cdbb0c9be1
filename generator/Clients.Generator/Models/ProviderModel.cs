namespace Clients.Generator.Models;

/// <summary>
/// A provider as declared by <c>[Clients.Core.ClientProvider]</c> on its marker attribute class.
/// All type names are <c>global::</c>-qualified.
/// </summary>
/// <param name="Name">The provider's name, used in <c>Add{Name}Clients</c>.</param>
/// <param name="MarkerType">The marker attribute class.</param>
/// <param name="RegistrationType">The static hook class exposing the provider's <c>Registration</c> (a <c>ClientProviderRegistration&lt;TOptions&gt;</c>).</param>
/// <param name="OptionsType">The options type of the <c>Action&lt;TOptions&gt;</c> overload.</param>
/// <param name="AccessRulesType">The access-rule registry the manifests are emitted into, or null.</param>
/// <param name="IsDefinedHere">Whether the marker is declared in the compilation being generated.</param>
/// <param name="IsPublic">Whether the marker (hence the generated entry point) is public.</param>
internal sealed record ProviderModel(
    string Name,
    string MarkerType,
    string RegistrationType,
    string OptionsType,
    string? AccessRulesType,
    bool IsDefinedHere,
    bool IsPublic);

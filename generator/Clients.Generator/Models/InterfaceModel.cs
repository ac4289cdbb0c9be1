namespace Clients.Generator.Models;

/// <summary>A marked interface that the generated code registers.</summary>
/// <param name="FullName">The <c>global::</c>-qualified name.</param>
/// <param name="RegistrationSuffix">The per-interface method is <c>Add{RegistrationSuffix}</c>.</param>
/// <param name="IsPublic">Whether the interface is visible outside its assembly.</param>
/// <param name="Provider">The provider it is marked for.</param>
/// <param name="Methods">Its Refit methods (own and inherited).</param>
/// <param name="Implementation">The implementation the generator writes for it, or null when it keeps Refit's stub.</param>
internal sealed record InterfaceModel(
    string FullName,
    string RegistrationSuffix,
    bool IsPublic,
    ProviderModel Provider,
    EquatableArray<MethodModel> Methods,
    ImplementationModel? Implementation = null);

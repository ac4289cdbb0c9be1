using System;
using Microsoft.CodeAnalysis;

namespace Clients.Generator.Diagnostics;

/// <summary>The generator's diagnostics. Every ID starts with <c>CLG</c>; docs/generator.md has the table.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Clients.Generator";

    public static readonly DiagnosticDescriptor MultipleProviders = new(
        "CLG001",
        "Interface marked for more than one provider",
        "Interface '{0}' is marked for more than one provider ({1}); keep one provider attribute",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingHttpAttribute = new(
        "CLG002",
        "Method without a Refit HTTP attribute",
        "Method '{0}' of '{1}' has no Refit HTTP attribute ([Get], [Post], [Put], [Delete], [Patch]...); add one or remove the method",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PathNotAccessRule = new(
        "CLG003",
        "Path cannot become an access rule",
        "The request '{0} {1}' of method '{2}' cannot become a {3} access rule: {4}; it is left out of the manifest",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Unreachable = new(
        "CLG004",
        "Marked interface cannot be registered",
        "Interface '{0}' cannot be registered by the generated code: {1}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ProviderNotReferenced = new(
        "CLG005",
        "Provider attribute without its package",
        "Attribute '{0}' on interface '{1}' cannot be resolved; reference the provider's package (for example Clients.{2}) so the interface gets registered",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedRefit = new(
        "CLG006",
        "Refit version outside the supported range",
        "Refit {0} is referenced, but the Clients generated implementations support Refit {1} only; reference a Refit version in that range (the Clients packages depend on it)",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ProviderNameNotIdentifier = new(
        "CLG007",
        "Provider name is not a C# identifier",
        "The provider name {0} of '{1}' is not a C# identifier, so no Add{{Name}}Clients method can be generated and its interfaces are not registered; use letters, digits and underscores (for example \"Acme\")",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ProviderArgumentsOfWrongKind = new(
        "CLG008",
        "Provider declaration arguments of the wrong kind",
        "The provider declaration on '{0}' cannot be read: {1}; declare it as [ClientProvider(\"Name\", typeof(RegistrationHook), typeof(Options))]",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RegistrationPropertyMissing = new(
        "CLG009",
        "Registration hook without its Registration property",
        "The registration hook '{0}' of provider '{1}' needs 'public static Clients.Core.ClientProviderRegistration<{2}> Registration {{ get; }}' ({3}); build it with ClientProviderRegistration.OAuth2ClientCredentials, OAuth2Password, ApiKey or Handler",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "CLG001" => MultipleProviders,
        "CLG002" => MissingHttpAttribute,
        "CLG003" => PathNotAccessRule,
        "CLG004" => Unreachable,
        "CLG005" => ProviderNotReferenced,
        "CLG006" => UnsupportedRefit,
        "CLG007" => ProviderNameNotIdentifier,
        "CLG008" => ProviderArgumentsOfWrongKind,
        "CLG009" => RegistrationPropertyMissing,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown diagnostic id."),
    };
}

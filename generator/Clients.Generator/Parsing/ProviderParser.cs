using System.Collections.Generic;
using System.Linq;
using Clients.Generator.Diagnostics;
using Clients.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clients.Generator.Parsing;

/// <summary>Reads a provider declaration (<c>[ClientProvider]</c> on a marker attribute class) into a model.</summary>
internal static class ProviderParser
{
    public const string ClientProviderAttributeName = "Clients.Core.ClientProviderAttribute";

    public const string RegistrationTypeName = "Clients.Core.ClientProviderRegistration<TOptions>";

    /// <summary>
    /// A marker attribute class declared in this compilation: its provider, or the diagnostics saying why the
    /// declaration cannot be read (instead of dropping it, which would leave its interfaces silently unregistered).
    /// </summary>
    public static ProviderParseResult Read(INamedTypeSymbol marker, IAssemblySymbol currentAssembly, System.Threading.CancellationToken cancellationToken)
    {
        var declaration = marker.GetAttributes().FirstOrDefault(static a =>
            a.AttributeClass?.ToDisplayString() == ClientProviderAttributeName);
        var model = FromMarker(marker, currentAssembly);
        if (declaration is null || declaration.ConstructorArguments.Length != 3)
        {
            // No declaration, or one the compiler already reports (it does not bind to the constructor).
            return new ProviderParseResult(model, EquatableArray<DiagnosticInfo>.Empty);
        }

        var location = LocationInfo.From(declaration.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? marker.Locations.FirstOrDefault());
        var markerName = marker.ToDisplayString();
        var diagnostics = new List<DiagnosticInfo>();
        var arguments = declaration.ConstructorArguments;
        var name = arguments[0].Value as string;
        if (name is null || !SyntaxFacts.IsValidIdentifier(name))
        {
            diagnostics.Add(Info(DiagnosticDescriptors.ProviderNameNotIdentifier.Id, location, name is null ? "null" : "\"" + name + "\"", markerName));
        }

        var registration = arguments[1].Value as INamedTypeSymbol;
        var options = arguments[2].Value as INamedTypeSymbol;
        var wrong = new List<string>();
        if (registration is null || registration.TypeKind != TypeKind.Class || registration.IsUnboundGenericType)
        {
            wrong.Add("the registration hook is " + Describe(arguments[1]) + " (it must be typeof(a static class))");
        }

        if (options is null || options.TypeKind != TypeKind.Class || options.IsUnboundGenericType)
        {
            wrong.Add("the options type is " + Describe(arguments[2]) + " (it must be typeof(a class))");
        }

        if (wrong.Count > 0)
        {
            diagnostics.Add(Info(DiagnosticDescriptors.ProviderArgumentsOfWrongKind.Id, location, markerName, string.Join("; ", wrong)));
        }
        else if (!HasRegistrationProperty(registration!, options!, out var found))
        {
            diagnostics.Add(Info(
                DiagnosticDescriptors.RegistrationPropertyMissing.Id,
                location,
                registration!.ToDisplayString(),
                name ?? markerName,
                options!.ToDisplayString(),
                found));
        }

        return new ProviderParseResult(diagnostics.Count == 0 ? model : null, new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    private static bool HasRegistrationProperty(INamedTypeSymbol registration, INamedTypeSymbol options, out string found)
    {
        var property = registration.GetMembers("Registration").OfType<IPropertySymbol>().FirstOrDefault();
        if (property is null)
        {
            found = registration.GetMembers("Registration").FirstOrDefault() is { } other ? $"'Registration' is a {other.Kind.ToString().ToLowerInvariant()}, not a property" : "there is no member named 'Registration'";
            return false;
        }

        var problems = new List<string>();
        if (!property.IsStatic)
        {
            problems.Add("it is not static");
        }

        if (property.DeclaredAccessibility != Accessibility.Public)
        {
            problems.Add("it is not public");
        }

        if (property.GetMethod is null)
        {
            problems.Add("it has no getter");
        }

        var expected = property.Type is INamedTypeSymbol { IsGenericType: true } type
                       && type.ConstructedFrom.ToDisplayString() == RegistrationTypeName
                       && SymbolEqualityComparer.Default.Equals(type.TypeArguments[0], options);
        if (!expected)
        {
            problems.Add("its type is " + property.Type.ToDisplayString());
        }

        found = problems.Count == 0 ? string.Empty : string.Join(", ", problems);
        return problems.Count == 0;
    }

    private static string Describe(TypedConstant argument) => argument.Value switch
    {
        null => "null",
        INamedTypeSymbol { IsUnboundGenericType: true } t => "the open generic " + t.ToDisplayString(),
        ITypeSymbol t => $"{t.ToDisplayString()}, a {t.TypeKind.ToString().ToLowerInvariant()}",
        var other => other.ToString() ?? "null",
    };

    private static DiagnosticInfo Info(string id, LocationInfo? location, params string[] arguments) =>
        new(id, location, new EquatableArray<string>(arguments));

    /// <summary>The provider a marker attribute class declares, or null when the class is not a provider marker.</summary>
    public static ProviderModel? FromMarker(INamedTypeSymbol marker, IAssemblySymbol currentAssembly)
    {
        var declaration = marker.GetAttributes().FirstOrDefault(static a =>
            a.AttributeClass?.ToDisplayString() == ClientProviderAttributeName);
        if (declaration is null || declaration.ConstructorArguments.Length != 3)
        {
            return null;
        }

        if (declaration.ConstructorArguments[0].Value is not string name
            || declaration.ConstructorArguments[1].Value is not INamedTypeSymbol registration
            || declaration.ConstructorArguments[2].Value is not INamedTypeSymbol options
            || !SyntaxFacts.IsValidIdentifier(name)
            || registration.TypeKind != TypeKind.Class
            || !HasRegistrationProperty(registration, options, out _))
        {
            // Unreadable: reported by Read (CLG007-CLG009) where the declaration is in the compilation.
            return null;
        }

        string? accessRules = null;
        foreach (var named in declaration.NamedArguments)
        {
            if (named.Key == "AccessRules" && named.Value.Value is INamedTypeSymbol rules)
            {
                accessRules = FullName(rules);
            }
        }

        return new ProviderModel(
            name,
            FullName(marker),
            FullName(registration),
            FullName(options),
            accessRules,
            SymbolEqualityComparer.Default.Equals(marker.ContainingAssembly, currentAssembly),
            IsEffectivelyPublic(marker));
    }

    public static string FullName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    public static bool IsEffectivelyPublic(ISymbol symbol)
    {
        for (var current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (current.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }
        }

        return true;
    }
}

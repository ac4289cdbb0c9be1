using System.Linq;
using Clients.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clients.Generator.Parsing;

/// <summary>Reads a provider declaration (<c>[ClientProvider]</c> on a marker attribute class) into a model.</summary>
internal static class ProviderParser
{
    public const string ClientProviderAttributeName = "Clients.Core.ClientProviderAttribute";

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
            || !SyntaxFacts.IsValidIdentifier(name))
        {
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

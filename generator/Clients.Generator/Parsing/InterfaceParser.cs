using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Clients.Generator.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Clients.Generator.Parsing;

/// <summary>
/// Reads an attributed interface: which provider marks it, its Refit methods and access rules, and what is wrong with it.
/// The only place (with <see cref="ProviderParser"/>) that touches symbols.
/// </summary>
internal static class InterfaceParser
{
    private const string RefitHttpMethodAttribute = "Refit.HttpMethodAttribute";

    public static InterfaceResult? Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        var declaration = (InterfaceDeclarationSyntax)context.Node;
        if (context.SemanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol)
        {
            return null;
        }

        // A partial interface has several declarations: parse it once, at its first one.
        var first = symbol.DeclaringSyntaxReferences.FirstOrDefault();
        if (first is not null && (first.SyntaxTree != declaration.SyntaxTree || first.Span != declaration.Span))
        {
            return null;
        }

        return Parse(symbol, context.SemanticModel.Compilation.Assembly, declaration.Identifier.GetLocation(), cancellationToken);
    }

    public static InterfaceResult? Parse(INamedTypeSymbol symbol, IAssemblySymbol currentAssembly, Location identifier, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var providers = new List<ProviderModel>();
        var displayName = symbol.ToDisplayString();
        foreach (var attribute in symbol.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null)
            {
                continue;
            }

            if (attributeClass.TypeKind == TypeKind.Error)
            {
                var name = attributeClass.Name;
                var stem = name.EndsWith("ApiAttribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "ApiAttribute".Length)
                    : name.EndsWith("Api", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Api".Length)
                    : null;
                if (!string.IsNullOrEmpty(stem))
                {
                    diagnostics.Add(Diagnostic(
                        Diagnostics.DiagnosticDescriptors.ProviderNotReferenced.Id,
                        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? identifier,
                        name,
                        displayName,
                        stem!));
                }

                continue;
            }

            var provider = ProviderParser.FromMarker(attributeClass, currentAssembly);
            if (provider is not null)
            {
                providers.Add(provider);
            }
        }

        if (providers.Count == 0)
        {
            return diagnostics.Count == 0 ? null : new InterfaceResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));
        }

        if (providers.Count > 1)
        {
            diagnostics.Add(Diagnostic(
                Diagnostics.DiagnosticDescriptors.MultipleProviders.Id,
                identifier,
                displayName,
                string.Join(", ", providers.Select(static p => p.Name))));
            return new InterfaceResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));
        }

        var unreachable = WhyUnreachable(symbol);
        if (unreachable is not null)
        {
            diagnostics.Add(Diagnostic(Diagnostics.DiagnosticDescriptors.Unreachable.Id, identifier, displayName, unreachable));
            return new InterfaceResult(null, new EquatableArray<DiagnosticInfo>(diagnostics));
        }

        var providerModel = providers[0];
        var methods = new List<MethodModel>();
        foreach (var method in AllMethods(symbol))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var parsed = ParseMethod(method, symbol, providerModel, identifier, diagnostics, cancellationToken);
            if (parsed is not null)
            {
                methods.Add(parsed);
            }
        }

        var model = new InterfaceModel(
            ProviderParser.FullName(symbol),
            RegistrationSuffix(symbol.Name),
            ProviderParser.IsEffectivelyPublic(symbol),
            providerModel,
            new EquatableArray<MethodModel>(methods),
            ImplementationParser.TryParse(symbol, cancellationToken));
        return new InterfaceResult(model, new EquatableArray<DiagnosticInfo>(diagnostics));
    }

    private static MethodModel? ParseMethod(
        IMethodSymbol method,
        INamedTypeSymbol owner,
        ProviderModel provider,
        Location identifier,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var methodLocation = method.Locations.FirstOrDefault(static l => l.IsInSource) ?? identifier;
        foreach (var attribute in method.GetAttributes())
        {
            if (!IsRefitHttpMethod(attribute.AttributeClass))
            {
                continue;
            }

            var verb = Verb(attribute.AttributeClass!);
            var path = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is string p ? p : string.Empty;
            AccessRuleModel? rule = null;
            if (provider.AccessRulesType is not null)
            {
                rule = AccessRulePath.TryCreate(verb, path, out var reason);
                if (rule is null)
                {
                    diagnostics.Add(Diagnostic(
                        Diagnostics.DiagnosticDescriptors.PathNotAccessRule.Id,
                        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? methodLocation,
                        verb,
                        path,
                        method.Name,
                        provider.Name,
                        reason!));
                }
            }

            return new MethodModel(method.Name, verb, path, rule);
        }

        diagnostics.Add(Diagnostic(
            Diagnostics.DiagnosticDescriptors.MissingHttpAttribute.Id,
            methodLocation,
            method.Name,
            owner.ToDisplayString()));
        return null;
    }

    private static IEnumerable<IMethodSymbol> AllMethods(INamedTypeSymbol symbol)
    {
        foreach (var type in new[] { symbol }.Concat(symbol.AllInterfaces))
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, IsStatic: false, IsAbstract: true } method)
                {
                    yield return method;
                }
            }
        }
    }

    private static bool IsRefitHttpMethod(INamedTypeSymbol? attributeClass)
    {
        for (var type = attributeClass; type is not null; type = type.BaseType)
        {
            if (type.ToDisplayString() == RefitHttpMethodAttribute)
            {
                return true;
            }
        }

        return false;
    }

    private static string Verb(INamedTypeSymbol attributeClass)
    {
        var name = attributeClass.Name;
        if (name.EndsWith("Attribute", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Attribute".Length);
        }

        return name.ToUpperInvariant();
    }

    private static string? WhyUnreachable(INamedTypeSymbol symbol)
    {
        for (ISymbol? current = symbol; current is INamedTypeSymbol type; current = current.ContainingSymbol)
        {
            switch (type.DeclaredAccessibility)
            {
                case Accessibility.Private:
                case Accessibility.Protected:
                case Accessibility.ProtectedAndInternal:
                    return type.Equals(symbol, SymbolEqualityComparer.Default)
                        ? $"it is {Describe(type.DeclaredAccessibility)}; make it internal or public"
                        : $"its containing type '{type.ToDisplayString()}' is {Describe(type.DeclaredAccessibility)}; make it internal or public";
            }

            if (type.TypeParameters.Length > 0)
            {
                return type.Equals(symbol, SymbolEqualityComparer.Default)
                    ? "it is generic; declare a closed, non-generic interface"
                    : $"its containing type '{type.ToDisplayString()}' is generic";
            }
        }

        return null;
    }

    private static string Describe(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Private => "private",
        Accessibility.Protected => "protected",
        _ => "private protected",
    };

    private static string RegistrationSuffix(string name) =>
        name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]) ? name.Substring(1) : name;

    private static DiagnosticInfo Diagnostic(string id, Location location, params string[] arguments) =>
        new(id, LocationInfo.From(location), new EquatableArray<string>(arguments));
}

using Microsoft.CodeAnalysis;

namespace Clients.Generator.Parsing;

/// <summary>
/// Reads a class carrying <c>[JsonSerializable]</c> into the name of a source-generated System.Text.Json context the
/// assembly's module initializer can hand to <c>Clients.Core.GeneratedClientRegistry.RegisterContracts</c>.
/// </summary>
internal static class JsonContextParser
{
    public const string JsonSerializableAttributeName = "System.Text.Json.Serialization.JsonSerializableAttribute";
    private const string JsonSerializerContextName = "System.Text.Json.Serialization.JsonSerializerContext";

    /// <summary>
    /// The fully qualified name of <paramref name="type"/> when it is a context whose generated <c>Default</c> instance
    /// code at the assembly's top level can reach (a concrete, non-generic class deriving from <c>JsonSerializerContext</c>,
    /// not private or protected anywhere in its nesting); otherwise null.
    /// </summary>
    public static string? Parse(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract || type.IsStatic)
        {
            return null;
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.IsGenericType
                || current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
            {
                return null;
            }
        }

        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            if (baseType.ToDisplayString() == JsonSerializerContextName)
            {
                return ProviderParser.FullName(type);
            }
        }

        return null;
    }
}

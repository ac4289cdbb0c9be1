using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Clients.Generator.Emitting;
using Clients.Generator.Models;
using Microsoft.CodeAnalysis;

namespace Clients.Generator.Parsing;

/// <summary>
/// Decides whether the generator can implement a marked interface itself, and reads what it needs to: every method
/// returns <c>Task</c> or <c>Task&lt;T&gt;</c>, carries one Refit verb attribute with a plain path template, and each
/// parameter is a path value, a scalar query value (optionally <c>[AliasAs]</c>/<c>[Query]</c>), a query collection with
/// a <c>[Query(CollectionFormat)]</c>, the <c>[Body]</c>, a nullable <c>[Header("name")]</c> or the
/// <c>CancellationToken</c>: every shape the Clients emitters write. Anything else (another Refit attribute, a query
/// object, a multipart body, a non-task result, a property) leaves the interface to Refit's stub.
/// </summary>
internal static class ImplementationParser
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly HashSet<string> Verbs = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS" };

    public static ImplementationModel? TryParse(INamedTypeSymbol symbol, CancellationToken cancellationToken)
    {
        var implemented = ProviderParser.FullName(symbol);
        var methods = new List<ImplementationMethodModel>();
        foreach (var type in new[] { symbol }.Concat(symbol.AllInterfaces))
        {
            if (type.TypeParameters.Length > 0 || type.ToDisplayString() == "System.IDisposable")
            {
                return null;
            }

            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!member.IsAbstract || member.IsStatic)
                {
                    continue;
                }

                if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    return null;
                }

                var parsed = ParseMethod(method, ProviderParser.FullName(type), implemented);
                if (parsed is null)
                {
                    return null;
                }

                methods.Add(parsed);
            }
        }

        var className = "Generated" + Sanitize(implemented.Replace("global::", string.Empty)) + "Client";
        return new ImplementationModel(className, new EquatableArray<ImplementationMethodModel>(methods));
    }

    private static ImplementationMethodModel? ParseMethod(IMethodSymbol method, string declaring, string implemented)
    {
        if (method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return null;
        }

        string? resultType;
        if (method.ReturnType is not INamedTypeSymbol returnType)
        {
            return null;
        }

        var returnName = returnType.ConstructedFrom.ToDisplayString();
        if (returnName == "System.Threading.Tasks.Task")
        {
            resultType = null;
        }
        else if (returnName == "System.Threading.Tasks.Task<TResult>")
        {
            var result = returnType.TypeArguments[0];
            var resultName = result is INamedTypeSymbol named ? named.ConstructedFrom.ToDisplayString() : result.ToDisplayString();
            if (resultName is "System.Net.Http.HttpResponseMessage" or "System.Net.Http.HttpContent" or "System.IO.Stream"
                || resultName.StartsWith("Refit.", StringComparison.Ordinal)
                || result.TypeKind is TypeKind.TypeParameter or TypeKind.Error)
            {
                return null;
            }

            resultType = result.ToDisplayString(TypeFormat);
        }
        else
        {
            return null;
        }

        string? verb = null;
        string? path = null;
        foreach (var attribute in method.GetAttributes())
        {
            if (!IsRefit(attribute.AttributeClass))
            {
                continue;
            }

            if (verb is not null || !IsHttpMethod(attribute.AttributeClass) || attribute.NamedArguments.Length > 0
                || attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string template)
            {
                return null;
            }

            var name = attribute.AttributeClass!.Name;
            verb = (name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name).ToUpperInvariant();
            path = template;
        }

        if (verb is null || path is null || !Verbs.Contains(verb) || path.IndexOf('?') >= 0)
        {
            return null;
        }

        var placeholders = Placeholders(path);
        if (placeholders is null)
        {
            return null;
        }

        var parameters = new List<ImplementationParameterModel>();
        var matched = new HashSet<string>(StringComparer.Ordinal);
        var hasBody = false;
        var hasToken = false;
        foreach (var parameter in method.Parameters)
        {
            var parsed = ParseParameter(parameter, placeholders);
            if (parsed is null
                || (parsed.Kind == ImplementationParameterKind.Path && !matched.Add(parsed.Key))
                || (parsed.Kind == ImplementationParameterKind.Body && hasBody)
                || (parsed.Kind == ImplementationParameterKind.CancellationToken && hasToken))
            {
                return null;
            }

            hasBody |= parsed.Kind == ImplementationParameterKind.Body;
            hasToken |= parsed.Kind == ImplementationParameterKind.CancellationToken;
            parameters.Add(parsed);
        }

        if (matched.Count != placeholders.Count)
        {
            return null;
        }

        return new ImplementationMethodModel(declaring, implemented, method.Name, resultType, verb, path, new EquatableArray<ImplementationParameterModel>(parameters));
    }

    private static ImplementationParameterModel? ParseParameter(IParameterSymbol parameter, Dictionary<string, (int Start, int End)> placeholders)
    {
        if (parameter.RefKind != RefKind.None || parameter.IsParams)
        {
            return null;
        }

        var type = parameter.Type;
        var typeName = type.ToDisplayString(TypeFormat);
        var typeOf = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var canBeNull = type.IsReferenceType || IsNullableValue(type);
        if (type.ToDisplayString() == "System.Threading.CancellationToken")
        {
            return parameter.GetAttributes().Any(static a => IsRefit(a.AttributeClass))
                ? null
                : new ImplementationParameterModel(parameter.Name, typeName, typeOf, ImplementationParameterKind.CancellationToken, string.Empty, 0, 0, false, null, 0);
        }

        string? alias = null;
        string? header = null;
        var body = false;
        AttributeData? query = null;
        var refitAttributes = new List<(string Type, string Instance)>();
        foreach (var attribute in parameter.GetAttributes())
        {
            if (!IsRefit(attribute.AttributeClass))
            {
                continue;
            }

            var args = attribute.ConstructorArguments;
            switch (attribute.AttributeClass!.Name)
            {
                case "AliasAsAttribute" when args.Length == 1 && args[0].Value is string a && attribute.NamedArguments.Length == 0:
                    alias = a;
                    refitAttributes.Add(("global::Refit.AliasAsAttribute", $"new global::Refit.AliasAsAttribute({ProviderEmitter.Literal(a)})"));
                    break;
                case "HeaderAttribute" when args.Length == 1 && args[0].Value is string h && attribute.NamedArguments.Length == 0:
                    header = h;
                    break;
                case "BodyAttribute" when args.Length == 0 && attribute.NamedArguments.Length == 0:
                    body = true;
                    break;
                case "QueryAttribute" when attribute.NamedArguments.Length == 0
                    && (args.Length == 0 || (args.Length == 1 && args[0].Type?.Name == "CollectionFormat" && args[0].Value is int)):
                    query = attribute;
                    refitAttributes.Insert(0, ("global::Refit.QueryAttribute", args.Length == 0
                        ? "new global::Refit.QueryAttribute()"
                        : $"new global::Refit.QueryAttribute((global::Refit.CollectionFormat){(int)args[0].Value!})"));
                    break;
                default:
                    return null;
            }
        }

        if (body)
        {
            return header is null && alias is null && query is null
                ? new ImplementationParameterModel(parameter.Name, typeName, typeOf, ImplementationParameterKind.Body, string.Empty, 0, 0, canBeNull, null, 0)
                : null;
        }

        if (header is not null)
        {
            return alias is null && query is null && canBeNull
                ? new ImplementationParameterModel(parameter.Name, typeName, typeOf, ImplementationParameterKind.Header, header, 0, 0, true, null, 0)
                : null;
        }

        var attributes = Attributes(refitAttributes);
        var name = alias ?? parameter.Name;
        if (placeholders.TryGetValue(name, out var range))
        {
            return query is null && IsScalar(type)
                ? new ImplementationParameterModel(parameter.Name, typeName, typeOf, ImplementationParameterKind.Path, name, range.Start, range.End, canBeNull, attributes, 0)
                : null;
        }

        if (IsScalar(type))
        {
            return new ImplementationParameterModel(parameter.Name, typeName, typeOf, ImplementationParameterKind.Query, Uri.EscapeDataString(name), 0, 0, canBeNull, attributes, 0);
        }

        return query is { ConstructorArguments.Length: 1 } && ElementType(type) is { } element && IsScalar(element)
            ? new ImplementationParameterModel(parameter.Name, typeName, typeOf, ImplementationParameterKind.QueryCollection, name, 0, 0, canBeNull, attributes, (int)query.ConstructorArguments[0].Value!)
            : null;
    }

    // The parameter's attributes as Refit's stub passes them to the URL formatter (null: Refit's empty set).
    private static string? Attributes(List<(string Type, string Instance)> attributes) => attributes.Count switch
    {
        0 => null,
        1 => $"new global::Refit.GeneratedSingleTypeParameterAttributeProvider(typeof({attributes[0].Type}), new object[] {{ {attributes[0].Instance} }})",
        _ => "new global::Refit.GeneratedParameterAttributeProvider(new global::System.Collections.Generic.Dictionary<global::System.Type, object[]>() {"
            + string.Join(", ", attributes.Select(static a => $"{{ typeof({a.Type}), new object[] {{ {a.Instance} }} }}")) + "})",
    };

    private static Dictionary<string, (int Start, int End)>? Placeholders(string path)
    {
        var result = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '}')
            {
                return null;
            }

            if (path[i] != '{')
            {
                continue;
            }

            var end = path.IndexOf('}', i);
            if (end < 0)
            {
                return null;
            }

            var name = path.Substring(i + 1, end - i - 1);
            if (name.Length == 0 || name.Any(static c => !(char.IsLetterOrDigit(c) || c == '_')) || result.ContainsKey(name))
            {
                return null;
            }

            result.Add(name, (i, end + 1));
            i = end;
        }

        return result;
    }

    private static bool IsNullableValue(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsValueType: true, ConstructedFrom.SpecialType: SpecialType.System_Nullable_T };

    private static bool IsScalar(ITypeSymbol type)
    {
        if (IsNullableValue(type))
        {
            type = ((INamedTypeSymbol)type).TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Boolean:
            case SpecialType.System_Char:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_DateTime:
                return true;
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return true;
        }

        return type.IsValueType && type.AllInterfaces.Any(static i => i.ToDisplayString() == "System.IFormattable");
    }

    private static ITypeSymbol? ElementType(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String)
        {
            return null;
        }

        foreach (var candidate in new[] { type }.Concat(type.AllInterfaces))
        {
            if (candidate is INamedTypeSymbol { IsGenericType: true } named
                && named.ConstructedFrom.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return named.TypeArguments[0];
            }
        }

        return null;
    }

    private static bool IsRefit(INamedTypeSymbol? attributeClass) =>
        attributeClass?.ContainingNamespace?.ToDisplayString() == "Refit";

    private static bool IsHttpMethod(INamedTypeSymbol? attributeClass)
    {
        for (var type = attributeClass; type is not null; type = type.BaseType)
        {
            if (type.ToDisplayString() == "Refit.HttpMethodAttribute")
            {
                return true;
            }
        }

        return false;
    }

    private static string Sanitize(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Clients.Regen.Drift;

/// <summary>
/// The public surface of generated C# files (interfaces, their methods and routes; contracts, their properties; enums and
/// their values), read from syntax alone, and the difference between two such surfaces: what a consumer's code will
/// feel when the clients are regenerated.
/// </summary>
internal static class GeneratedSurface
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Every member of the given sources, keyed by <see cref="GeneratedMember.Name"/>.</summary>
    public static IReadOnlyDictionary<string, GeneratedMember> Read(IEnumerable<string> sources)
    {
        var members = new SortedDictionary<string, GeneratedMember>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var root = CSharpSyntaxTree.ParseText(source, ParseOptions).GetCompilationUnitRoot();
            foreach (var type in root.DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                Add(members, type);
            }
        }

        return members;
    }

    /// <summary>Members removed, added or whose signature changed, by name.</summary>
    public static IReadOnlyList<MemberChange> Compare(IReadOnlyDictionary<string, GeneratedMember> before, IReadOnlyDictionary<string, GeneratedMember> after)
    {
        var changes = new List<MemberChange>();
        foreach (var name in before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(name);
            var current = after.GetValueOrDefault(name);
            if (current is null)
            {
                changes.Add(new MemberChange(name, "removed"));
            }
            else if (old is null)
            {
                changes.Add(new MemberChange(name, "added"));
            }
            else if (!string.Equals(old.Signature, current.Signature, StringComparison.Ordinal))
            {
                changes.Add(new MemberChange(name, $"changed: {old.Signature} → {current.Signature}"));
            }
        }

        return changes;
    }

    private static void Add(SortedDictionary<string, GeneratedMember> members, BaseTypeDeclarationSyntax type)
    {
        var typeName = type.Identifier.Text;
        var kind = type switch
        {
            InterfaceDeclarationSyntax => "interface",
            EnumDeclarationSyntax => "enum",
            StructDeclarationSyntax => "struct",
            RecordDeclarationSyntax => "record",
            _ => "class",
        };
        members[typeName] = new GeneratedMember(typeName, kind, null, null);
        if (type is EnumDeclarationSyntax enumeration)
        {
            foreach (var value in enumeration.Members)
            {
                members[typeName + "." + value.Identifier.Text] = new GeneratedMember(typeName + "." + value.Identifier.Text, "enum value", null, null);
            }

            return;
        }

        if (type is not TypeDeclarationSyntax declaration)
        {
            return;
        }

        foreach (var member in declaration.Members)
        {
            switch (member)
            {
                case MethodDeclarationSyntax method when type is InterfaceDeclarationSyntax || IsPublic(method.Modifiers):
                    var parameters = string.Join(", ", method.ParameterList.Parameters.Select(static p => Normalize(p.Type) + " " + p.Identifier.Text));
                    members[typeName + "." + method.Identifier.Text] = new GeneratedMember(
                        typeName + "." + method.Identifier.Text, $"{Normalize(method.ReturnType)} ({parameters})", Route(method.AttributeLists), null);
                    break;
                case PropertyDeclarationSyntax property when type is InterfaceDeclarationSyntax || IsPublic(property.Modifiers):
                    members[typeName + "." + property.Identifier.Text] = new GeneratedMember(
                        typeName + "." + property.Identifier.Text, Normalize(property.Type), null, JsonName(property.AttributeLists));
                    break;
                case FieldDeclarationSyntax field when IsPublic(field.Modifiers):
                    foreach (var variable in field.Declaration.Variables)
                    {
                        members[typeName + "." + variable.Identifier.Text] = new GeneratedMember(
                            typeName + "." + variable.Identifier.Text, Normalize(field.Declaration.Type), null, JsonName(field.AttributeLists));
                    }

                    break;
            }
        }
    }

    private static bool IsPublic(SyntaxTokenList modifiers) => modifiers.Any(static m => m.IsKind(SyntaxKind.PublicKeyword));

    /// <summary>The type as written, without <c>global::</c> and namespaces, so <c>long?</c> reads as in an IDE tooltip.</summary>
    private static string Normalize(TypeSyntax? type)
    {
        if (type is null)
        {
            return "void";
        }

        var text = type.ToString().Replace("global::", string.Empty, StringComparison.Ordinal);
        var builder = new System.Text.StringBuilder(text.Length);
        var token = new System.Text.StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c) || c is '_' or '.' or '@')
            {
                token.Append(c);
                continue;
            }

            var name = token.ToString();
            builder.Append(name.Contains('.', StringComparison.Ordinal) ? name[(name.LastIndexOf('.') + 1)..] : name);
            token.Clear();
            builder.Append(c);
        }

        return builder.ToString().TrimEnd();
    }

    private static string? Route(SyntaxList<AttributeListSyntax> lists)
    {
        foreach (var attribute in lists.SelectMany(static l => l.Attributes))
        {
            var name = attribute.Name.ToString().Replace("global::", string.Empty, StringComparison.Ordinal);
            name = name[(name.LastIndexOf('.') + 1)..];
            if (name is "Get" or "Post" or "Put" or "Delete" or "Patch" or "Head" or "Options"
                && attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression is LiteralExpressionSyntax literal)
            {
                var path = literal.Token.ValueText;
                var query = path.IndexOf('?', StringComparison.Ordinal);
                return name.ToUpperInvariant() + " " + (query < 0 ? path : path[..query]);
            }
        }

        return null;
    }

    private static string? JsonName(SyntaxList<AttributeListSyntax> lists) =>
        lists.SelectMany(static l => l.Attributes)
            .Where(static a => a.Name.ToString().EndsWith("JsonPropertyName", StringComparison.Ordinal) || a.Name.ToString().EndsWith("JsonStringEnumMemberName", StringComparison.Ordinal))
            .Select(static a => a.ArgumentList?.Arguments.FirstOrDefault()?.Expression)
            .OfType<LiteralExpressionSyntax>()
            .Select(static l => l.Token.ValueText)
            .FirstOrDefault();
}

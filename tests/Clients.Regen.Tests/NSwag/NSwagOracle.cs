using System.Globalization;
using System.Text;
using Clients.Regen.Emit;
using Clients.Regen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NJsonSchema;
using NJsonSchema.CodeGeneration.CSharp;
using NJsonSchema.CodeGeneration.CSharp.Models;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace Clients.Regen.Tests.NSwag;

/// <summary>
/// NSwag as an oracle: for every component schema of one document, compares the contract our generator emits (its
/// code, parsed with Roslyn) with the DTO NSwag's C# generator resolves for the same schema (its class and enum
/// template models, the ones its templates render): JSON names exactly, C# names as normalised, nullability and enum
/// value sets. Representations differ on purpose (open enum structs vs closed C# enums, our extension-data bag), so
/// only these facts are compared.
/// </summary>
/// <remarks>
/// Nullability is compared as facts, not as spellings: NSwag (OpenAPI 3 semantics) types a property nullable only for
/// <c>nullable: true</c>, while our contracts make every optional property nullable too (an absent property must read
/// as null, not as a default value). So the oracle's answer for our property is <c>!required || nullable</c>, with
/// "required" and "nullable" as NSwag's model resolves them.
/// </remarks>
internal static class NSwagOracle
{
    /// <summary>Compares one document; <paramref name="tally"/> receives what was compared.</summary>
    public static async Task<IReadOnlyList<Divergence>> CompareAsync(ProviderDefinition provider, SpecInput input, OracleTally tally)
    {
        var ours = Ours(provider, input);
        var theirs = await TheirsAsync(input);
        var divergences = new List<Divergence>();
        var document = provider.Name + ":" + input.Key;
        void Report(string kind, string schema, string? member, string detail) =>
            divergences.Add(new Divergence(kind, document, schema, member, detail));

        foreach (var (schemaName, their) in theirs.Schemas.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            tally.Schemas++;
            ours.BySchema.TryGetValue(schemaName, out var ourName);
            var our = ourName is null ? null : ours.Types.GetValueOrDefault(ourName);
            var ourKind = our?.Kind ?? "none";
            if (ourKind != their.Kind)
            {
                Report("kind", schemaName, null, $"ours {ourKind}, NSwag {their.Kind}");
                continue;
            }

            switch (their.Kind)
            {
                case "enum":
                    tally.Enums++;
                    CompareValues(our!.EnumValues, their.EnumValues, (k, d) => Report(k, schemaName, null, d));
                    break;
                case "object":
                    tally.Objects++;
                    if (Normalise(our!.Base ?? string.Empty) != Normalise(their.Base ?? string.Empty))
                    {
                        Report("base", schemaName, null, $"ours {our.Base ?? "none"}, NSwag {their.Base ?? "none"}");
                    }

                    if (our.Discriminator != their.Discriminator)
                    {
                        Report("discriminator", schemaName, null, $"ours {our.Discriminator ?? "none"}, NSwag {their.Discriminator ?? "none"}");
                    }

                    tally.Derived += our.Base is null ? 0 : 1;
                    tally.Discriminated += our.Discriminator is null ? 0 : 1;
                    CompareObject(WithInherited(our, ours), their, ours, theirs, tally, (k, member, d) => Report(k, schemaName, member, d));
                    break;
            }
        }

        return divergences;
    }

    private static void CompareObject(OurType our, TheirType their, OurModel ours, TheirModel theirs, OracleTally tally, Action<string, string?, string> report, HashSet<string>? visited = null)
    {
        visited ??= new HashSet<string>(StringComparer.Ordinal);
        var ourProperties = our.Properties.ToDictionary(p => p.JsonName, StringComparer.Ordinal);
        foreach (var missing in our.Properties.Select(p => p.JsonName).Except(their.Properties.Select(p => p.JsonName), StringComparer.Ordinal))
        {
            report("extra-property", missing, "ours declares it, NSwag does not");
        }

        foreach (var property in their.Properties)
        {
            tally.Properties++;
            tally.Required += property.Required ? 1 : 0;
            tally.Nullable += property.Nullable ? 1 : 0;
            if (!ourProperties.TryGetValue(property.JsonName, out var mine))
            {
                report("missing-property", property.JsonName, "NSwag declares it, ours does not");
                continue;
            }

            if (Normalise(mine.CsName) != Normalise(property.CsName))
            {
                report("cs-name", property.JsonName, $"ours {mine.CsName}, NSwag {property.CsName}");
            }

            var expected = !property.Required || property.Nullable;
            if (mine.Nullable != expected)
            {
                report("nullability", property.JsonName,
                    $"ours {(mine.Nullable ? "nullable" : "non-nullable")}, NSwag required={property.Required.ToString().ToLowerInvariant()} nullable={property.Nullable.ToString().ToLowerInvariant()}");
            }

            var ourShape = Shape(mine.TypeText, mine.ElementType, n => ours.Types.GetValueOrDefault(n)?.Kind);
            var theirShape = Shape(property.TypeText, property.ElementType, n => theirs.ByTypeName.GetValueOrDefault(n)?.Kind);
            if (ourShape != theirShape)
            {
                report($"type({ourShape}|{theirShape})", property.JsonName, $"ours {mine.TypeText}, NSwag {property.TypeText}");
                continue;
            }

            var theirType = property.ElementType is { } t ? theirs.ByTypeName.GetValueOrDefault(t) : null;
            var ourType = mine.ElementType is { } o ? ours.Types.GetValueOrDefault(o) : null;
            if (theirType?.Kind == "enum" && ourType?.Kind == "enum")
            {
                tally.EnumProperties++;
                CompareValues(ourType.EnumValues, theirType.EnumValues, (k, d) => report("property-" + k, property.JsonName, d));
            }
            else if (theirType?.Kind == "object" && ourType?.Kind == "object" && !theirs.Components.Contains(theirType.Name)
                     && visited.Add(ourType.Name))
            {
                // An inline object schema (no component name): compare its properties too, as member.property.
                tally.InlineObjects++;
                CompareObject(ourType, theirType, ours, theirs, tally, (k, member, d) => report(k, property.JsonName + "." + member, d), visited);
            }
        }
    }

    /// <summary>The contract with the properties its bases declare (NSwag's model lists inherited properties too).</summary>
    private static OurType WithInherited(OurType type, OurModel ours)
    {
        var properties = new List<OurProperty>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && seen.Add(current.Name); current = current.Base is { } b ? ours.Types.GetValueOrDefault(b) : null)
        {
            properties.InsertRange(0, current.Properties);
        }

        return type with { Properties = properties };
    }

    /// <summary>A property type's JSON shape: string (dates, uuids … too), number, bool, array-of-shape, map, object, enum, any.</summary>
    private static string Shape(string typeText, string? element, Func<string, string?> kindOf)
    {
        var type = typeText.Replace("global::", string.Empty, StringComparison.Ordinal).TrimEnd('?');
        if (type.Contains("Dictionary<", StringComparison.Ordinal))
        {
            return "map";
        }

        if (type.Contains("Collection<", StringComparison.Ordinal) || type.Contains("List<", StringComparison.Ordinal)
            || type.Contains("IEnumerable<", StringComparison.Ordinal) || (type.EndsWith("[]", StringComparison.Ordinal) && type != "byte[]"))
        {
            var inner = type[(type.IndexOf('<', StringComparison.Ordinal) + 1)..].TrimEnd('>');
            return "array-of-" + Shape(inner, element, kindOf);
        }

        var simple = type[(type.LastIndexOf('.') + 1)..];
        return simple switch
        {
            "string" or "DateTimeOffset" or "DateTime" or "DateOnly" or "TimeOnly" or "TimeSpan" or "Guid" or "Uri" or "byte[]" => "string",
            "int" or "long" or "double" or "float" or "decimal" or "short" or "byte" or "uint" or "ulong" => "number",
            "bool" => "bool",
            "object" or "JsonElement" => "any",
            _ => kindOf(simple) ?? "unknown:" + simple,
        };
    }

    private static void CompareValues(IReadOnlyList<string> ours, IReadOnlyList<string> theirs, Action<string, string> report)
    {
        var missing = theirs.Except(ours, StringComparer.Ordinal).ToList();
        var extra = ours.Except(theirs, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            report("enum-values", $"missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}]");
        }
    }

    /// <summary>C# names as normalised: case, underscores and the digits a clash suffix adds do not matter.</summary>
    internal static string Normalise(string csName)
    {
        var builder = new StringBuilder(csName.Length);
        foreach (var c in csName.TrimStart('@'))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    // ---- our side: the emitted code, parsed ----------------------------------------------------------------------

    private static OurModel Ours(ProviderDefinition provider, SpecInput input)
    {
        var files = ClientEmitter.Emit(provider, [input]);
        var document = SpecDocument.Parse(provider.Name, input);
        var catalog = new TypeCatalog(provider, [document]);
        var bySchema = catalog.Types.Where(t => t.SchemaName is not null).ToDictionary(t => t.SchemaName!, t => t.CsName, StringComparer.Ordinal);
        var types = new Dictionary<string, OurType>(StringComparer.Ordinal);
        foreach (var (path, text) in files)
        {
            if (!path.StartsWith("Models/", StringComparison.Ordinal))
            {
                continue;
            }

            var root = CSharpSyntaxTree.ParseText(text).GetRoot();
            foreach (var declaration in root.DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                var name = declaration.Identifier.Text;
                types[name] = declaration switch
                {
                    StructDeclarationSyntax s => new OurType(name, "enum", [], s.Members.OfType<PropertyDeclarationSyntax>()
                        .Where(p => p.Modifiers.Any(SyntaxKind.StaticKeyword))
                        .Select(p => p.Initializer?.Value is ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments: [var argument] }
                            ? WireValue(argument.Expression)
                            : throw new InvalidOperationException($"{name}.{p.Identifier.Text}: not a known value"))
                        .ToList()),
                    _ when BaseName(declaration) == "JsonUnion" => new OurType(name, "union", [], []),
                    _ => new OurType(name, "object", declaration.Members.OfType<PropertyDeclarationSyntax>()
                        .Select(p => (Property: p, Json: JsonName(p)))
                        .Where(p => p.Json is not null)
                        .Select(p => new OurProperty(p.Json!, p.Property.Identifier.Text, p.Property.Type is NullableTypeSyntax,
                            p.Property.Type.ToString(), ElementName(p.Property.Type)))
                        .ToList(), [])
                    {
                        Base = declaration.Modifiers.Any(SyntaxKind.InternalKeyword) ? null : BaseName(declaration),
                        Discriminator = Discriminator(root, declaration),
                    },
                };
            }
        }

        return new OurModel(bySchema, types);
    }

    private static string? BaseName(TypeDeclarationSyntax declaration) =>
        declaration.BaseList?.Types.FirstOrDefault()?.Type is { } type ? ElementName(type) : null;

    /// <summary>The discriminator of a class whose <c>[JsonConverter]</c> is a generated converter: the property it reads.</summary>
    private static string? Discriminator(SyntaxNode root, TypeDeclarationSyntax declaration)
    {
        var converter = declaration.AttributeLists.SelectMany(l => l.Attributes)
            .Where(a => a.Name.ToString().EndsWith("JsonConverter", StringComparison.Ordinal))
            .Select(a => a.ArgumentList?.Arguments.FirstOrDefault()?.Expression)
            .OfType<TypeOfExpressionSyntax>()
            .Select(t => t.Type.ToString())
            .FirstOrDefault(n => !n.Contains('.', StringComparison.Ordinal));
        var converterClass = root.DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault(c => c.Identifier.Text == converter);
        return converterClass?.DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.Text: "TryGetProperty" })
            .Select(i => i.ArgumentList.Arguments[0].Expression)
            .OfType<LiteralExpressionSyntax>()
            .Select(l => l.Token.ValueText)
            .FirstOrDefault();
    }

    private static string WireValue(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.Token.Value is string s ? s : Convert.ToString(literal.Token.Value, CultureInfo.InvariantCulture)!,
        PrefixUnaryExpressionSyntax { OperatorToken.Text: "-", Operand: LiteralExpressionSyntax literal } => "-" + literal.Token.ValueText,
        _ => throw new InvalidOperationException("not a literal: " + expression),
    };

    private static string? JsonName(PropertyDeclarationSyntax property) =>
        property.AttributeLists.SelectMany(l => l.Attributes)
            .Where(a => a.Name.ToString().EndsWith("JsonPropertyName", StringComparison.Ordinal))
            .Select(a => ((LiteralExpressionSyntax)a.ArgumentList!.Arguments[0].Expression).Token.ValueText)
            .FirstOrDefault();

    /// <summary>The simple name of a property's type, or of its collection's element type.</summary>
    private static string? ElementName(TypeSyntax type) => type switch
    {
        NullableTypeSyntax n => ElementName(n.ElementType),
        AliasQualifiedNameSyntax a => ElementName(a.Name),
        QualifiedNameSyntax q => ElementName(q.Right),
        GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } g => ElementName(g.TypeArgumentList.Arguments[0]),
        SimpleNameSyntax s => s.Identifier.Text,
        _ => null,
    };

    private static string? ElementName(string nswagType)
    {
        var type = nswagType.TrimEnd('?');
        var open = type.IndexOf('<', StringComparison.Ordinal);
        if (open >= 0 && type.IndexOf(',', StringComparison.Ordinal) < 0)
        {
            return ElementName(type[(open + 1)..^1]);
        }

        return open >= 0 ? null : type[(type.LastIndexOf('.') + 1)..];
    }

    // ---- NSwag's side: its resolver and template models ----------------------------------------------------------

    private static async Task<TheirModel> TheirsAsync(SpecInput input)
    {
        var document = await OpenApiDocument.FromJsonAsync(Encoding.UTF8.GetString(input.Content));
        var settings = new CSharpClientGeneratorSettings
        {
            GenerateClientClasses = false,
            GenerateClientInterfaces = false,
            GenerateExceptionClasses = false,
            GenerateDtoTypes = true,
        };
        settings.CSharpGeneratorSettings.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        settings.CSharpGeneratorSettings.GenerateNullableReferenceTypes = true;
        settings.CSharpGeneratorSettings.Namespace = "Oracle";
        var resolver = new CSharpTypeResolver(settings.CSharpGeneratorSettings);

        // NSwag renders only the schemas its operations reach; we emit every component schema, so register them all.
        resolver.RegisterSchemaDefinitions(document.Components.Schemas);
        var generator = new CSharpClientGenerator(document, settings, resolver);

        // Render NSwag's DTO file once: it registers every type the document needs (inline ones too) in the resolver.
        _ = generator.GenerateFile();

        var byTypeName = new Dictionary<string, TheirType>(StringComparer.Ordinal);
        var bySchema = new Dictionary<JsonSchema, TheirType>();
        TheirType Describe(JsonSchema schema, string typeName)
        {
            if (bySchema.TryGetValue(schema, out var known))
            {
                return known;
            }

            TheirType type;
            if (schema.IsEnumeration)
            {
                var model = new EnumTemplateModel(typeName, schema, settings.CSharpGeneratorSettings);
                type = new TheirType(typeName, "enum", [], model.Enums.Select(e => e.Value).ToList());
            }
            else
            {
                type = new TheirType(typeName, "object", [], []);
                var model = new ClassTemplateModel(typeName, settings.CSharpGeneratorSettings, resolver, schema, document);
                type.Base = model.HasInheritance ? model.BaseClassName : null;
                type.Discriminator = model.HasDiscriminator ? model.Discriminator : null;
                type.Properties.AddRange(model.AllProperties.Select(p => new TheirProperty(
                    p.Name, p.PropertyName, p.IsRequired, p.IsNullable, p.Type, ElementName(p.Type))));
            }

            bySchema[schema] = type;
            return type;
        }

        var types = resolver.Types.ToList();
        foreach (var (schema, name) in types)
        {
            byTypeName[name] = Describe(schema, name);
        }

        var schemas = new Dictionary<string, TheirType>(StringComparer.Ordinal);
        foreach (var (name, declared) in document.Components.Schemas)
        {
            var actual = declared.ActualSchema;
            schemas[name] = resolver.Types.TryGetValue(actual, out var typeName) && byTypeName.TryGetValue(typeName, out var type)
                ? type
                : new TheirType(name, "none", [], []);
        }

        return new TheirModel(schemas, byTypeName);
    }

    private sealed record OurModel(IReadOnlyDictionary<string, string> BySchema, IReadOnlyDictionary<string, OurType> Types);

    private sealed record OurType(string Name, string Kind, List<OurProperty> Properties, List<string> EnumValues)
    {
        /// <summary>The base class's simple name (a derived contract), or null.</summary>
        public string? Base { get; init; }

        /// <summary>The discriminator its converter dispatches on (a discriminated base), or null.</summary>
        public string? Discriminator { get; init; }
    }

    private sealed record OurProperty(string JsonName, string CsName, bool Nullable, string TypeText, string? ElementType);

    private sealed record TheirModel(IReadOnlyDictionary<string, TheirType> Schemas, IReadOnlyDictionary<string, TheirType> ByTypeName)
    {
        public HashSet<string> Components { get; } = Schemas.Values.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
    }

    private sealed record TheirType(string Name, string Kind, List<TheirProperty> Properties, List<string> EnumValues)
    {
        public string? Base { get; set; }

        public string? Discriminator { get; set; }
    }

    private sealed record TheirProperty(string JsonName, string CsName, bool Required, bool Nullable, string TypeText, string? ElementType);
}

/// <summary>What one comparison covered.</summary>
internal sealed class OracleTally
{
    public int Documents { get; set; }

    public int Schemas { get; set; }

    public int Objects { get; set; }

    public int Enums { get; set; }

    public int Properties { get; set; }

    public int EnumProperties { get; set; }

    public int InlineObjects { get; set; }

    public int Required { get; set; }

    public int Derived { get; set; }

    public int Discriminated { get; set; }

    public int Nullable { get; set; }

    public override string ToString() =>
        $"{Documents} documents, {Schemas} schemas ({Objects} objects, {Derived} derived, {Discriminated} discriminated bases, {Enums} enums, {InlineObjects} inline objects), {Properties} properties ({Required} required, {Nullable} nullable, {EnumProperties} enum-typed)";
}

/// <summary>One difference between our contract and NSwag's DTO for the same schema.</summary>
/// <param name="Kind">What differs: <c>kind</c>, <c>missing-property</c>, <c>nullability</c>, <c>enum-values</c> …</param>
/// <param name="Document">Provider and document key: <c>ovh:v1/me</c>, <c>optimum:swagger</c>.</param>
internal sealed record Divergence(string Kind, string Document, string Schema, string? Member, string Detail)
{
    /// <summary>What the divergence file matches: <c>kind document#schema.member</c>.</summary>
    public string Key => $"{Kind} {Document}#{Schema}{(Member is null ? string.Empty : "." + Member)}";

    public override string ToString() => $"{Key}  ({Detail})";
}

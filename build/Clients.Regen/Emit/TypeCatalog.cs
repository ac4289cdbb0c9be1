using System.Text.Json;
using Clients.Regen.Model;

namespace Clients.Regen.Emit;

/// <summary>
/// Every C# type of one provider: component schemas of all its documents, merged by name (a schema that several OVH
/// universes declare becomes one type), plus the inline object schemas met while mapping. Names are assigned in a
/// fixed order (schema names sorted ordinally, then inline types in discovery order), so they are stable.
/// </summary>
internal sealed class TypeCatalog
{
    private readonly ProviderDefinition _provider;
    private readonly Dictionary<string, NamedSchema> _named = new(StringComparer.Ordinal);
    private readonly HashSet<string> _taken = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _files = new(StringComparer.OrdinalIgnoreCase);

    public TypeCatalog(ProviderDefinition provider, IReadOnlyList<SpecDocument> documents)
    {
        _provider = provider;
        _taken.Add(provider.ContextName);
        var occurrences = new SortedDictionary<string, List<(JsonElement Schema, SpecDocument Document)>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            foreach (var (name, schema) in document.Schemas())
            {
                if (!occurrences.TryGetValue(name, out var list))
                {
                    occurrences[name] = list = [];
                }

                list.Add((schema, document));
            }
        }

        foreach (var (name, list) in occurrences)
        {
            _named[name] = new NamedSchema(name, list);
        }

        foreach (var (name, entry) in _named)
        {
            var (first, document) = entry.Occurrences[0];
            var kind = Classify(first, document);
            if (kind == TypeKind.Alias)
            {
                continue;
            }

            var csName = Unique(Naming.Pascal(name));
            var definition = new TypeDefinition(csName, kind, NamedFile(name, csName))
            {
                SchemaName = name,
                Description = Text(first, "description"),
                Deprecated = first.TryGetProperty("deprecated", out var d) && d.ValueKind == JsonValueKind.True,
            };
            entry.Definition = definition;
            Types.Add(definition);
        }

        LinkHierarchies();
        foreach (var entry in _named.Values)
        {
            if (entry.Definition is { Kind: TypeKind.Union } union && DiscriminatedBase(Alternatives(entry.Occurrences[0].Schema)!) is { } common)
            {
                // Every alternative is a contract of one discriminated hierarchy: the union is its base.
                Types.Remove(union);
                entry.Definition = common;
            }
        }

        foreach (var entry in _named.Values)
        {
            if (entry.Definition is { } definition && definition.SchemaName == entry.Name)
            {
                Fill(definition, entry);
            }
        }

        foreach (var entry in _named.Values)
        {
            if (entry.Definition is { DiscriminatorProperty: { } discriminator } definition
                && !definition.Lineage().SelectMany(t => t.Properties).Any(p => p.WireName == discriminator))
            {
                // The discriminator lives in the subtypes only (or nowhere): the base declares it, so every value keeps it.
                var schema = JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["type"] = "string" });
                definition.Properties.Insert(0, new PropertyDefinition(discriminator, schema, entry.Occurrences[0].Document, true, "The discriminator: which contract the value is."));
            }
        }
    }

    /// <summary>All types to emit; grows while operations and properties are mapped.</summary>
    public List<TypeDefinition> Types { get; } = [];

    public string Qualified(string csName) => "global::" + _provider.ModelsNamespace + "." + csName;

    public string Unique(string candidate)
    {
        var name = candidate;
        for (var i = 2; !_taken.Add(name); i++)
        {
            name = candidate + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>Maps a schema to a C# type, registering an inline type (named from <paramref name="hint"/>) when needed.</summary>
    public TypeRef Map(JsonElement schema, SpecDocument document, string hint, string file, int depth = 0)
    {
        if (depth > 64)
        {
            return TypeRef.JsonElement;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return TypeRef.JsonElement;
        }

        if (SpecDocument.SchemaName(schema) is { } name)
        {
            if (!_named.TryGetValue(name, out var entry))
            {
                throw new SpecException(_provider.Name, document.Input.Source, $"unresolvable $ref '#/components/schemas/{name}'");
            }

            if (entry.Definition is { } definition)
            {
                return new TypeRef(Qualified(definition.CsName), definition.Kind is not (TypeKind.Object or TypeKind.Union));
            }

            var (aliased, aliasDocument) = entry.Occurrences[0];
            return Map(aliased, aliasDocument, Naming.Pascal(name), file, depth + 1);
        }

        if (schema.TryGetProperty("$ref", out _))
        {
            return Map(document.Resolve(schema), document, hint, file, depth + 1);
        }

        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            if (allOf.GetArrayLength() == 1 && !schema.TryGetProperty("properties", out _))
            {
                return Map(allOf[0], document, hint, file, depth + 1);
            }

            return Inline(schema, document, hint, file);
        }

        if (SchemaType.NonNullAlternative(schema) is { } alternative)
        {
            // 3.1: anyOf [X, {type: null}] is a nullable X (the property's nullability comes from SchemaType.IsNullable).
            return Map(alternative, document, hint, file, depth + 1);
        }

        if (SchemaType.IsUnion(schema))
        {
            // 3.1: a type array naming several non-null types.
            return TypeRef.JsonElement;
        }

        if (Alternatives(schema) is { } alternatives)
        {
            if (alternatives.Count == 1)
            {
                return Map(alternatives[0], document, hint, file, depth + 1);
            }

            if (DiscriminatedBase(alternatives) is { } common)
            {
                return new TypeRef(Qualified(common.CsName), false);
            }

            var union = new TypeDefinition(Unique(Naming.Pascal(hint)), TypeKind.Union, file)
            {
                Description = Text(schema, "description"),
            };
            union.Alternatives.AddRange(alternatives.Select(a => (a, document)));
            Types.Add(union);
            return new TypeRef(Qualified(union.CsName), false);
        }

        var type = SchemaType.Of(schema);
        var format = Text(schema, "format");
        switch (type)
        {
            case "string":
                return format switch
                {
                    "date-time" => new TypeRef("global::System.DateTimeOffset", true),
                    "date" => new TypeRef("global::System.DateOnly", true),
                    "uuid" => new TypeRef("global::System.Guid", true),
                    _ => new TypeRef("string", false),
                };
            case "integer":
                return format == "int32" ? new TypeRef("int", true) : new TypeRef("long", true);
            case "number":
                return format switch
                {
                    "float" => new TypeRef("float", true),
                    "int32" => new TypeRef("int", true),
                    "int64" => new TypeRef("long", true),
                    _ => new TypeRef("double", true),
                };
            case "boolean":
                return new TypeRef("bool", true);
            case "array":
                var items = schema.TryGetProperty("items", out var itemSchema)
                    ? Map(itemSchema, document, hint + "Item", file, depth + 1)
                    : TypeRef.JsonElement;
                return new TypeRef($"global::System.Collections.Generic.IReadOnlyList<{items.Cs}>", false, IsCollection: true);
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.EnumerateObject().Any())
        {
            return Inline(schema, document, hint, file);
        }

        if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object
            && additional.EnumerateObject().Any())
        {
            var value = Map(additional, document, hint + "Value", file, depth + 1);
            return new TypeRef($"global::System.Collections.Generic.IReadOnlyDictionary<string, {value.Cs}>", false);
        }

        return TypeRef.JsonElement;
    }

    private TypeRef Inline(JsonElement schema, SpecDocument document, string hint, string file)
    {
        var definition = new TypeDefinition(Unique(Naming.Pascal(hint)), TypeKind.Object, file)
        {
            Description = Text(schema, "description"),
        };
        foreach (var property in Flatten(schema, document, 0))
        {
            definition.Properties.Add(property);
        }

        Types.Add(definition);
        return new TypeRef(Qualified(definition.CsName), false);
    }

    private void Fill(TypeDefinition definition, NamedSchema entry)
    {
        if (definition.Kind == TypeKind.Object)
        {
            // Union of the properties every declaration lists; required only where all declarations agree.
            var merged = new List<PropertyDefinition>();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            var seenIn = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var (schema, document) in entry.Occurrences)
            {
                foreach (var property in Flatten(schema, document, 0, definition.Base?.SchemaName))
                {
                    seenIn[property.WireName] = seenIn.GetValueOrDefault(property.WireName) + 1;
                    if (index.TryGetValue(property.WireName, out var at))
                    {
                        merged[at] = merged[at] with { Required = merged[at].Required && property.Required };
                    }
                    else
                    {
                        index[property.WireName] = merged.Count;
                        merged.Add(property);
                    }
                }
            }

            foreach (var property in merged)
            {
                var everywhere = seenIn[property.WireName] == entry.Occurrences.Count;
                definition.Properties.Add(property with { Required = property.Required && everywhere });
            }

            return;
        }

        if (definition.Kind == TypeKind.Union)
        {
            var (first, document) = entry.Occurrences[0];
            definition.Alternatives.AddRange(Alternatives(first)!.Select(a => (a, document)));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (schema, _) in entry.Occurrences)
        {
            if (schema.TryGetProperty("enum", out var values))
            {
                foreach (var value in values.EnumerateArray())
                {
                    if (seen.Add(value.GetRawText()))
                    {
                        definition.EnumValues.Add(value.Clone());
                    }
                }
            }
        }
    }

    /// <summary>The properties a schema declares, through <c>allOf</c>; <paramref name="baseName"/>'s are left to the base.</summary>
    private List<PropertyDefinition> Flatten(JsonElement schema, SpecDocument document, int depth, string? baseName = null)
    {
        var result = new List<PropertyDefinition>();
        if (depth > 16 || schema.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        if (SpecDocument.SchemaName(schema) is { } name)
        {
            if (_named.TryGetValue(name, out var entry))
            {
                var (target, targetDocument) = entry.Occurrences[0];
                return Flatten(target, targetDocument, depth + 1);
            }

            throw new SpecException(_provider.Name, document.Input.Source, $"unresolvable $ref '#/components/schemas/{name}'");
        }

        if (schema.TryGetProperty("$ref", out _))
        {
            return Flatten(document.Resolve(schema), document, depth + 1);
        }

        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in allOf.EnumerateArray())
            {
                if (baseName is not null && SpecDocument.SchemaName(part) == baseName)
                {
                    continue;
                }

                foreach (var property in Flatten(part, document, depth + 1))
                {
                    result.RemoveAll(p => p.WireName == property.WireName);
                    result.Add(property);
                }
            }
        }

        var required = new HashSet<string>(StringComparer.Ordinal);
        if (schema.TryGetProperty("required", out var requiredList) && requiredList.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in requiredList.EnumerateArray())
            {
                if (item.GetString() is { } r)
                {
                    required.Add(r);
                }
            }
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                result.RemoveAll(p => p.WireName == property.Name);
                var description = Text(property.Value, "description");
                if (SchemaType.Constant(property.Value) is { } constant)
                {
                    description = (description is null ? string.Empty : description.TrimEnd() + " ") + "Always \"" + constant + "\".";
                }

                result.Add(new PropertyDefinition(property.Name, property.Value, document, required.Contains(property.Name), description));
            }
        }

        return result;
    }

    private TypeKind Classify(JsonElement schema, SpecDocument document)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return TypeKind.Alias;
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            var items = values.EnumerateArray().ToList();
            if (items.All(v => v.ValueKind == JsonValueKind.String))
            {
                return TypeKind.StringEnum;
            }

            if (items.All(v => v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out _)) && SchemaType.Of(schema) is "integer" or null)
            {
                return TypeKind.IntegerEnum;
            }

            return TypeKind.Alias;
        }

        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            return allOf.GetArrayLength() == 1 && !schema.TryGetProperty("properties", out _) && SpecDocument.SchemaName(allOf[0]) is not null
                ? TypeKind.Alias
                : TypeKind.Object;
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
            && properties.EnumerateObject().Any())
        {
            return TypeKind.Object;
        }

        // A union: its own wrapper type, unless (decided once the hierarchies are linked) a discriminated base covers it.
        if (Alternatives(schema) is { Count: > 1 })
        {
            return TypeKind.Union;
        }

        _ = document;
        return TypeKind.Alias;
    }

    private static List<JsonElement>? Alternatives(JsonElement schema)
    {
        foreach (var keyword in (string[])["oneOf", "anyOf"])
        {
            if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(keyword, out var list) && list.ValueKind == JsonValueKind.Array
                && !schema.TryGetProperty("properties", out _))
            {
                return list.EnumerateArray().ToList();
            }
        }

        return null;
    }

    /// <summary>
    /// The closest contract every alternative is or derives from, when it is a discriminated base: the union is then
    /// that base, whose converter reads each value as the contract its discriminator names.
    /// </summary>
    private TypeDefinition? DiscriminatedBase(List<JsonElement> alternatives)
    {
        List<TypeDefinition>? common = null;
        foreach (var alternative in alternatives)
        {
            if (SpecDocument.SchemaName(alternative) is not { } name || !_named.TryGetValue(name, out var entry)
                || entry.Definition is not { Kind: TypeKind.Object } definition)
            {
                return null;
            }

            var lineage = definition.Lineage().ToList();
            common = common is null ? lineage : common.TakeWhile((t, i) => i < lineage.Count && lineage[i] == t).ToList();
        }

        return common?.LastOrDefault(t => t.DiscriminatorProperty is not null);
    }

    /// <summary>The named base of an <c>allOf</c> of exactly one component <c>$ref</c> plus properties of its own.</summary>
    private string? BaseSchemaName(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("allOf", out var allOf) || allOf.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var parts = allOf.EnumerateArray().ToList();
        var references = parts.Where(p => p.TryGetProperty("$ref", out _)).ToList();
        var ownProperties = schema.TryGetProperty("properties", out _) || parts.Count > references.Count;
        return references.Count == 1 && ownProperties && SpecDocument.SchemaName(references[0]) is { } name
               && _named.TryGetValue(name, out var entry) && entry.Definition is { Kind: TypeKind.Object }
            ? name
            : null;
    }

    private void LinkHierarchies()
    {
        foreach (var entry in _named.Values)
        {
            if (entry.Definition is { Kind: TypeKind.Object } definition && BaseSchemaName(entry.Occurrences[0].Schema) is { } baseName)
            {
                var candidate = _named[baseName].Definition!;
                if (!candidate.Lineage().Contains(definition))
                {
                    definition.Base = candidate;
                    candidate.Derived.Add(definition);
                }
            }
        }

        foreach (var entry in _named.Values)
        {
            var (schema, _) = entry.Occurrences[0];
            if (entry.Definition is not { Kind: TypeKind.Object } definition || !schema.TryGetProperty("discriminator", out var discriminator)
                || Text(discriminator, "propertyName") is not { Length: > 0 } property)
            {
                continue;
            }

            var descendants = _named.Values.Select(e => e.Definition)
                .Where(d => d is not null && d != definition && d.Lineage().Contains(definition))
                .Select(d => d!)
                .ToList();
            if (descendants.Count == 0)
            {
                continue;
            }

            definition.DiscriminatorProperty = property;
            definition.ConverterName = Unique(definition.CsName + "JsonConverter");
            if (discriminator.TryGetProperty("mapping", out var mapping) && mapping.ValueKind == JsonValueKind.Object)
            {
                foreach (var pair in mapping.EnumerateObject())
                {
                    var target = pair.Value.GetString() ?? string.Empty;
                    var targetName = target.StartsWith('#')
                        ? SpecDocument.SchemaName(JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["$ref"] = target }))
                        : target;
                    if (targetName is not null && _named.TryGetValue(targetName, out var mapped) && mapped.Definition is { } type
                        && (type == definition || descendants.Contains(type)))
                    {
                        definition.Mapping.Add((pair.Name, type));
                    }
                }
            }

            // Implicit mapping: a subtype no explicit value names is named by its schema name.
            foreach (var descendant in descendants.Where(d => definition.Mapping.All(m => m.Type != d)))
            {
                definition.Mapping.Add((descendant.SchemaName!, descendant));
            }
        }
    }

    private string NamedFile(string schemaName, string csName)
    {
        var dot = schemaName.LastIndexOf('.');
        if (dot <= 0)
        {
            return "Models/" + csName + ".g.cs";
        }

        var group = string.Join(".", schemaName[..dot].Split('.').Select(Naming.Pascal));
        var file = "Models/" + group + ".g.cs";

        // MSBuild and some file systems compare paths case-insensitively: keep one spelling per file.
        if (!_files.TryGetValue(file, out var canonical))
        {
            _files[file] = canonical = file;
        }

        return canonical;
    }

    internal static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private sealed class NamedSchema(string name, List<(JsonElement Schema, SpecDocument Document)> occurrences)
    {
        public string Name { get; } = name;

        public List<(JsonElement Schema, SpecDocument Document)> Occurrences { get; } = occurrences;

        public TypeDefinition? Definition { get; set; }
    }
}

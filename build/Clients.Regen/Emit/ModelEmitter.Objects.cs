namespace Clients.Regen.Emit;

/// <summary>Object contracts: plain, derived (<c>allOf</c> of a base) and discriminated bases with their converter.</summary>
internal sealed partial class ModelEmitter
{
    private const string Json = "global::System.Text.Json";

    private void EmitObject(CodeWriter writer, TypeDefinition type)
    {
        var members = OwnMembers(type);
        if (type.ConverterName is { } converter)
        {
            var known = string.Join(", ", type.Mapping.Where(m => m.Type != type).Select(m => $"<see cref=\"{m.Type.CsName}\"/> (<c>{Xml(m.Value)}</c>)"));
            writer.Line("/// <remarks>");
            writer.Line($"/// Polymorphic on <c>{Xml(type.DiscriminatorProperty!)}</c>: {known}. A value naming another contract reads as a");
            writer.Line($"/// <see cref=\"{type.CsName}\"/> that keeps it and writes it back unchanged.");
            writer.Line("/// </remarks>");
            writer.Line($"[{Json}.Serialization.JsonConverter(typeof({converter}))]");
        }

        var modifiers = type.Derived.Count == 0 ? "public sealed partial class " : "public partial class ";
        writer.Open(modifiers + type.CsName + (type.Base is { } b ? " : " + b.CsName : string.Empty));
        var first = true;
        if (DiscriminatorValue(type) is var (owner, value) && AllMembers(owner).FirstOrDefault(m => m.Property.WireName == owner.DiscriminatorProperty) is { } discriminator
            && Assignment(discriminator, value) is { } assigned)
        {
            writer.Line($"/// <summary>A new <c>{type.CsName}</c>: its <c>{Xml(owner.DiscriminatorProperty!)}</c> is <c>{Xml(value)}</c>.</summary>");
            writer.Line($"public {type.CsName}() => {discriminator.CsName} = {assigned};");
            first = false;
        }

        // A base's properties come first on the wire (System.Text.Json writes a derived type's own properties first).
        var order = type.Derived.Count == 0 ? null : $"[{Json}.Serialization.JsonPropertyOrder({(type.Lineage().Count() - 101).ToString(System.Globalization.CultureInfo.InvariantCulture)})]";
        foreach (var member in members)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            writer.DocSummary(member.Property.Description);
            writer.Line($"[{Json}.Serialization.JsonPropertyName({Naming.Literal(member.Property.WireName)})]");
            if (order is not null)
            {
                writer.Line(order);
            }

            var initializer = !member.Nullable && !member.Type.IsValueType ? " = default!;" : string.Empty;
            writer.Line($"public {member.Declared} {member.CsName} {{ get; set; }}{initializer}");
        }

        // Forward compatibility: what the document does not declare is kept as received and written back (by the root
        // of a hierarchy: System.Text.Json allows one extension-data member per type).
        if (type.Base is null)
        {
            if (!first)
            {
                writer.Line();
            }

            contextTypes.Add(ExtensionData);
            writer.Line("/// <summary>Properties the provider's document does not declare, kept as received and written back unchanged.</summary>");
            writer.Line($"[{Json}.Serialization.JsonExtensionData]");
            writer.Line($"public {ExtensionData}? {ExtensionName(type)} {{ get; set; }}");
        }

        writer.Close();
        if (type.ConverterName is not null)
        {
            writer.Line();
            EmitConverter(writer, type);
        }
    }

    /// <summary>
    /// The converter of a discriminated base. System.Text.Json's own polymorphism (<c>[JsonPolymorphic]</c>) consumes the
    /// discriminator: a value naming an unknown subtype would read as the base without it and write back without it.
    /// This converter reads a known value as its subtype and any other as the base with every property kept.
    /// </summary>
    private void EmitConverter(CodeWriter writer, TypeDefinition type)
    {
        var name = type.CsName;
        var all = AllMembers(type);
        var discriminator = type.DiscriminatorProperty!;
        writer.Line($"/// <summary>Reads a <see cref=\"{name}\"/> as the contract its <c>{Xml(discriminator)}</c> names, any other value as a <see cref=\"{name}\"/>; writes each back as read.</summary>");
        writer.Open($"internal sealed class {type.ConverterName} : {Json}.Serialization.JsonConverter<{name}>");
        writer.Line("/// <inheritdoc/>");
        writer.Open($"public override {name}? Read(ref {Json}.Utf8JsonReader reader, global::System.Type typeToConvert, {Json}.JsonSerializerOptions options)");
        writer.Line($"using var document = {Json}.JsonDocument.ParseValue(ref reader);");
        writer.Line("var element = document.RootElement;");
        writer.Open($"if (element.ValueKind != {Json}.JsonValueKind.Object)");
        writer.Line($"throw new {Json}.JsonException({Naming.Literal("Expected a JSON object for " + name + ".")});");
        writer.Close();
        writer.Line();
        writer.Line($"var discriminator = element.TryGetProperty({Naming.Literal(discriminator)}, out var found) && found.ValueKind == {Json}.JsonValueKind.String ? found.GetString() : null;");
        writer.Open("switch (discriminator)");
        foreach (var (value, target) in type.Mapping.Where(m => m.Type != type))
        {
            roots.Add(catalog.Qualified(target.CsName));
            writer.Line($"case {Naming.Literal(value)}:");
            writer.Line($"    return ReadAs<{target.CsName}>(element, options);");
        }

        writer.Close();
        writer.Line();
        writer.Line("var comparison = options.PropertyNameCaseInsensitive ? global::System.StringComparison.OrdinalIgnoreCase : global::System.StringComparison.Ordinal;");
        writer.Line($"var value = new {name}();");
        writer.Open("foreach (var property in element.EnumerateObject())");
        var keyword = "if";
        foreach (var member in all)
        {
            roots.Add(member.TypeOf);
            writer.Open($"{keyword} (string.Equals(property.Name, {Naming.Literal(member.Property.WireName)}, comparison))");
            writer.Line($"value.{member.CsName} = ReadAs<{member.Declared}>(property.Value, options)!;");
            writer.Close();
            keyword = "else if";
        }

        var extension = ExtensionName(type.Lineage().First());
        writer.Open(all.Count == 0 ? "// Every property is kept as received." : "else");
        writer.Line($"(value.{extension} ??= new global::System.Collections.Generic.Dictionary<string, {Json}.JsonElement>())[property.Name] = property.Value.Clone();");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("return value;");
        writer.Close();
        writer.Line();
        writer.Line("/// <inheritdoc/>");
        writer.Open($"public override void Write({Json}.Utf8JsonWriter writer, {name} value, {Json}.JsonSerializerOptions options)");
        writer.Open("switch (value)");

        // Every descendant, the most derived first: a subtype's own contract writes all its properties.
        foreach (var derived in Descendants(type).OrderByDescending(d => d.Lineage().Count()).ThenBy(d => d.CsName, StringComparer.Ordinal))
        {
            roots.Add(catalog.Qualified(derived.CsName));
            writer.Line($"case {derived.CsName} derived:");
            writer.Line("    WriteAs(writer, derived, options);");
            writer.Line("    return;");
        }

        writer.Close();
        writer.Line();
        writer.Line("writer.WriteStartObject();");
        foreach (var member in all)
        {
            // Nulls are left out, as the generated contexts' options (WhenWritingNull) leave them out of every other contract.
            var always = member.Type.IsValueType && !member.Nullable;
            if (!always)
            {
                writer.Open($"if (value.{member.CsName} is not null)");
            }

            writer.Line($"writer.WritePropertyName({Naming.Literal(member.Property.WireName)});");
            writer.Line($"WriteAs<{member.Declared}>(writer, value.{member.CsName}, options);");
            if (!always)
            {
                writer.Close();
            }

            writer.Line();
        }

        writer.Open($"if (value.{extension} is {{ }} additional)");
        writer.Open("foreach (var pair in additional)");
        writer.Line("writer.WritePropertyName(pair.Key);");
        writer.Line("pair.Value.WriteTo(writer);");
        writer.Close();
        writer.Close();
        writer.Line();
        writer.Line("writer.WriteEndObject();");
        writer.Close();
        writer.Line();
        writer.Line($"private static T? ReadAs<T>({Json}.JsonElement element, {Json}.JsonSerializerOptions options) =>");
        writer.Line($"    {Json}.JsonSerializer.Deserialize(element, ({Json}.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));");
        writer.Line();
        writer.Line($"private static void WriteAs<T>({Json}.Utf8JsonWriter writer, T value, {Json}.JsonSerializerOptions options) =>");
        writer.Line($"    {Json}.JsonSerializer.Serialize(writer, value, ({Json}.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));");
        writer.Close();
    }

    private static IEnumerable<TypeDefinition> Descendants(TypeDefinition type) =>
        type.Derived.SelectMany(d => Descendants(d).Prepend(d));

    /// <summary>The nearest discriminated base (or the type itself) whose mapping names this derived type, and the value.</summary>
    private static (TypeDefinition Owner, string Value)? DiscriminatorValue(TypeDefinition type)
    {
        if (type.Base is null)
        {
            return null;
        }

        foreach (var owner in type.Lineage().Reverse())
        {
            foreach (var (value, target) in owner.Mapping)
            {
                if (target == type)
                {
                    return (owner, value);
                }
            }
        }

        return null;
    }

    private string? Assignment(Member discriminator, string value)
    {
        if (discriminator.Type.Cs == "string")
        {
            return Naming.Literal(value);
        }

        return catalog.Types.FirstOrDefault(t => catalog.Qualified(t.CsName) == discriminator.Type.Cs) is { Kind: TypeKind.StringEnum }
            ? $"new {discriminator.Type.Cs}({Naming.Literal(value)})"
            : null;
    }

    private List<Member> AllMembers(TypeDefinition type) => type.Lineage().SelectMany(OwnMembers).ToList();

    /// <summary>The type's own properties, named clear of every member its bases declare; mapped once (mapping registers inline types).</summary>
    private List<Member> OwnMembers(TypeDefinition type)
    {
        if (_members.TryGetValue(type, out var cached))
        {
            return cached;
        }

        // A property never takes the class's own name nor hides a member every object has (CS0542, CS0108).
        var names = new HashSet<string>(ObjectMembers, StringComparer.Ordinal) { type.CsName };
        var inherited = new HashSet<string>(StringComparer.Ordinal);
        if (type.Base is { } parent)
        {
            foreach (var member in AllMembers(parent))
            {
                names.Add(member.CsName);
                inherited.Add(member.Property.WireName);
            }

            names.Add(ExtensionName(parent.Lineage().First()));
        }

        var members = new List<Member>();
        foreach (var property in type.Properties.Where(p => !inherited.Contains(p.WireName)))
        {
            var csName = UniqueMember(names, Naming.Pascal(property.WireName));
            var mapped = catalog.Map(property.Schema, property.Document, type.CsName + Naming.Pascal(property.WireName), type.File);
            var nullable = !property.Required || IsNullable(property.Schema);
            contextTypes.Add(mapped.Cs, nullable && mapped.IsValueType);
            members.Add(new Member(property, csName, mapped, nullable));
        }

        _members[type] = members;
        if (type.Base is null)
        {
            _extensionNames[type] = UniqueMember(names, "AdditionalProperties");
        }

        return members;
    }

    private string ExtensionName(TypeDefinition root)
    {
        OwnMembers(root);
        return _extensionNames[root];
    }

    private static string Xml(string text) => System.Security.SecurityElement.Escape(text);

    private sealed record Member(PropertyDefinition Property, string CsName, TypeRef Type, bool Nullable)
    {
        public string Declared => Type.Nullable(Nullable);

        /// <summary>The declared type as <c>typeof</c> accepts it (no nullable annotation on a reference type).</summary>
        public string TypeOf => Type.IsValueType ? Declared : Type.Cs;
    }
}

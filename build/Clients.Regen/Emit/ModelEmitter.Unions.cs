using System.Text.Json;

namespace Clients.Regen.Emit;

/// <summary>Unions: a <c>oneOf</c>/<c>anyOf</c> no discriminated base covers, as a wrapper with one typed accessor per alternative.</summary>
internal sealed partial class ModelEmitter
{
    private static readonly string[] UnionMembers = ["Json", "Value", "TryGet", "WriteTo", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize"];

    private void EmitUnion(CodeWriter writer, TypeDefinition type)
    {
        var name = type.CsName;
        var used = new HashSet<string>(UnionMembers, StringComparer.Ordinal) { name };
        var alternatives = new List<(string Name, TypeRef Type, string Kind, IReadOnlyList<string> Required)>();
        for (var i = 0; i < type.Alternatives.Count; i++)
        {
            var (schema, document) = type.Alternatives[i];
            var mapped = catalog.Map(schema, document, name + "Option" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), type.File);
            if (alternatives.Any(a => a.Type.Cs == mapped.Cs))
            {
                continue;
            }

            var (kind, required) = Shape(mapped, schema, document);
            var label = AlternativeName(mapped);
            var unique = UniqueMember(used, "TryGet" + label)["TryGet".Length..];
            used.Add("From" + unique);
            roots.Add(mapped.Cs);
            alternatives.Add((unique, mapped, kind, required));
        }

        var contract = $"global::Clients.Core.Wire.IJsonUnion<{name}>";
        writer.Line("/// <remarks>");
        writer.Line("/// One of: " + string.Join(", ", alternatives.Select(a => $"<c>{Xml(Simple(a.Type.Cs))}</c>")) + ". Read from the wire, it keeps the JSON as received");
        writer.Line("/// (<see cref=\"global::Clients.Core.Wire.JsonUnion.Json\"/>, written back unchanged); <c>TryGet…</c> reads it as one alternative.");
        writer.Line("/// Built with <c>From…</c>, it is written as that alternative.");
        writer.Line("/// </remarks>");
        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Clients.Core.Wire.JsonUnionConverter<{name}>))]");
        writer.Open($"public sealed partial class {name} : global::Clients.Core.Wire.JsonUnion, {contract}");
        writer.Line($"private {name}(global::System.Text.Json.JsonElement json, global::System.Text.Json.JsonSerializerOptions options)");
        writer.Line("    : base(json, options)");
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.Line($"private {name}(object value)");
        writer.Line("    : base(value)");
        writer.Line("{");
        writer.Line("}");
        writer.Line();
        writer.Line($"static {name} {contract}.FromJson(global::System.Text.Json.JsonElement json, global::System.Text.Json.JsonSerializerOptions options) => new(json, options);");
        foreach (var (label, mapped, kind, required) in alternatives)
        {
            var spelled = Xml(Simple(mapped.Cs));
            writer.Line();
            writer.Line($"/// <summary>A <c>{name}</c> that is the <c>{spelled}</c> alternative.</summary>");
            writer.Line("/// <param name=\"value\">The value.</param>");
            writer.Line("/// <returns>The union.</returns>");
            writer.Line($"public static {name} From{label}({mapped.Cs} value) => new(value);");
            writer.Line();
            writer.Line($"/// <summary>Reads the value as the <c>{spelled}</c> alternative: true when it is one ({Xml(Describe(kind, required))}).</summary>");
            writer.Line("/// <param name=\"value\">The value, when this returns true.</param>");
            writer.Line("/// <returns>Whether the value is this alternative.</returns>");
            var list = required.Count == 0 ? "[]" : "[" + string.Join(", ", required.Select(Naming.Literal)) + "]";
            writer.Line($"public bool TryGet{label}([global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out {mapped.Cs} value) => TryGet(global::System.Text.Json.JsonValueKind.{kind}, {list}, out value);");
        }

        writer.Close();
    }

    /// <summary>The JSON kind an alternative has (<c>True</c> standing for a boolean) and, for an object, its required properties.</summary>
    private (string Kind, IReadOnlyList<string> Required) Shape(TypeRef mapped, JsonElement schema, SpecDocument document)
    {
        if (catalog.Types.FirstOrDefault(t => catalog.Qualified(t.CsName) == mapped.Cs) is { } defined)
        {
            return defined.Kind switch
            {
                TypeKind.StringEnum => ("String", []),
                TypeKind.IntegerEnum => ("Number", []),
                TypeKind.Object => ("Object", defined.Lineage().SelectMany(t => t.Properties).Where(p => p.Required).Select(p => p.WireName).Distinct().ToList()),
                _ => ("Undefined", []),
            };
        }

        _ = schema;
        _ = document;
        return Simple(mapped.Cs) switch
        {
            "string" or "DateTimeOffset" or "DateOnly" or "Guid" => ("String", []),
            "int" or "long" or "float" or "double" => ("Number", []),
            "bool" => ("True", []),
            var s when s.StartsWith("IReadOnlyList<", StringComparison.Ordinal) => ("Array", []),
            var s when s.StartsWith("IReadOnlyDictionary<", StringComparison.Ordinal) => ("Object", []),
            _ => ("Undefined", []),
        };
    }

    private static string Describe(string kind, IReadOnlyList<string> required) => kind switch
    {
        "True" => "a JSON boolean",
        "Undefined" => "any JSON value",
        "Object" when required.Count > 0 => "a JSON object with " + string.Join(", ", required),
        _ => "a JSON " + kind.ToLowerInvariant(),
    };

    /// <summary>The accessor's name for an alternative: its contract's name, or the .NET name of a simple type.</summary>
    private static string AlternativeName(TypeRef mapped)
    {
        var simple = Simple(mapped.Cs);
        if (simple.StartsWith("IReadOnlyList<", StringComparison.Ordinal))
        {
            return AlternativeName(mapped with { Cs = simple["IReadOnlyList<".Length..^1] }) + "List";
        }

        if (simple.StartsWith("IReadOnlyDictionary<", StringComparison.Ordinal))
        {
            return AlternativeName(mapped with { Cs = simple[(simple.IndexOf(',', StringComparison.Ordinal) + 1)..^1].Trim() }) + "Map";
        }

        return simple switch
        {
            "string" => "String",
            "int" => "Int32",
            "long" => "Int64",
            "float" => "Single",
            "double" => "Double",
            "bool" => "Boolean",
            "JsonElement" => "JsonValue",
            _ => simple,
        };
    }

    /// <summary>A type's spelling without <c>global::</c> and namespaces (outside generic arguments too).</summary>
    private static string Simple(string cs) =>
        System.Text.RegularExpressions.Regex.Replace(cs.Replace("global::", string.Empty, StringComparison.Ordinal), @"\b(?:[A-Za-z_][A-Za-z0-9_]*\.)+", string.Empty);
}

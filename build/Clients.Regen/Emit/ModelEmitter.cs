using System.Globalization;
using System.Text.Json;

namespace Clients.Regen.Emit;

/// <summary>Emits one contract type: a class with JSON-named properties, or an enum that round-trips its wire values.</summary>
internal sealed class ModelEmitter(TypeCatalog catalog)
{
    public string EmitType(TypeDefinition type)
    {
        var writer = new CodeWriter();
        writer.DocSummary(type.Description ?? (type.SchemaName is { } s ? $"The provider's <c>{s}</c> schema." : null));
        if (type.Deprecated)
        {
            writer.Line("[global::System.Obsolete(\"Deprecated by the provider.\")]");
        }

        switch (type.Kind)
        {
            case TypeKind.StringEnum:
                var wires = type.EnumValues.Select(v => v.GetString()!).ToList();
                var used = new HashSet<string>(StringComparer.Ordinal);
                var members = wires.Select(w => UniqueMember(used, w.Length == 0 ? "Empty" : Naming.Pascal(w))).ToList();

                // JsonStringEnumConverter rejects some wire names (empty, edge whitespace, commas, case-only twins);
                // those enums get an explicit converter instead.
                var needsConverter = wires.Any(w => w.Length == 0 || w.Trim().Length != w.Length || w.Contains(','))
                                     || wires.Distinct(StringComparer.OrdinalIgnoreCase).Count() != wires.Count;
                var converter = needsConverter ? catalog.Unique(type.CsName + "JsonConverter") : null;
                writer.Line(converter is null
                    ? $"[global::System.Text.Json.Serialization.JsonConverter(typeof(global::System.Text.Json.Serialization.JsonStringEnumConverter<{type.CsName}>))]"
                    : $"[global::System.Text.Json.Serialization.JsonConverter(typeof({converter}))]");
                writer.Open("public enum " + type.CsName);
                for (var i = 0; i < wires.Count; i++)
                {
                    writer.Line($"/// <summary><c>{System.Security.SecurityElement.Escape(wires[i])}</c></summary>");
                    writer.Line($"[global::System.Runtime.Serialization.EnumMember(Value = {Naming.Literal(wires[i])})]");
                    if (converter is null)
                    {
                        writer.Line($"[global::System.Text.Json.Serialization.JsonStringEnumMemberName({Naming.Literal(wires[i])})]");
                    }

                    writer.Line(members[i] + ",");
                }

                writer.Close();
                if (converter is not null)
                {
                    var qualified = catalog.Qualified(type.CsName);
                    writer.Line();
                    writer.DocSummary($"Reads and writes <see cref=\"{type.CsName}\"/> as its exact wire strings.");
                    writer.Open($"public sealed class {converter} : global::System.Text.Json.Serialization.JsonConverter<{qualified}>");
                    writer.Line($"public override {qualified} Read(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Type typeToConvert, global::System.Text.Json.JsonSerializerOptions options) => reader.GetString() switch");
                    writer.Line("{");
                    for (var i = 0; i < wires.Count; i++)
                    {
                        writer.Line($"    {Naming.Literal(wires[i])} => {qualified}.{members[i]},");
                    }

                    writer.Line($"    var other => throw new global::System.Text.Json.JsonException(\"'\" + other + \"' is not a known {type.CsName} value.\"),");
                    writer.Line("};");
                    writer.Line();
                    writer.Line($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {qualified} value, global::System.Text.Json.JsonSerializerOptions options) => writer.WriteStringValue(value switch");
                    writer.Line("{");
                    for (var i = 0; i < wires.Count; i++)
                    {
                        writer.Line($"    {qualified}.{members[i]} => {Naming.Literal(wires[i])},");
                    }

                    writer.Line($"    _ => throw new global::System.Text.Json.JsonException(\"'\" + value + \"' is not a {type.CsName} value.\"),");
                    writer.Line("});");
                    writer.Close();
                }

                break;
            case TypeKind.IntegerEnum:
                var values = type.EnumValues.Select(v => v.GetInt64()).ToList();
                var underlying = values.All(v => v is >= int.MinValue and <= int.MaxValue) ? string.Empty : " : long";
                writer.Open("public enum " + type.CsName + underlying);
                var usedInts = new HashSet<string>(StringComparer.Ordinal);
                foreach (var value in values)
                {
                    var member = UniqueMember(usedInts, value < 0 ? "ValueMinus" + (-value).ToString(CultureInfo.InvariantCulture) : "Value" + value.ToString(CultureInfo.InvariantCulture));
                    writer.Line($"/// <summary><c>{value.ToString(CultureInfo.InvariantCulture)}</c></summary>");
                    writer.Line($"{member} = {value.ToString(CultureInfo.InvariantCulture)},");
                }

                writer.Close();
                break;
            default:
                writer.Open("public sealed partial class " + type.CsName);
                var names = new HashSet<string>(StringComparer.Ordinal) { type.CsName };
                var firstProperty = true;
                foreach (var property in type.Properties)
                {
                    if (!firstProperty)
                    {
                        writer.Line();
                    }

                    firstProperty = false;
                    var csName = UniqueMember(names, Naming.Pascal(property.WireName));
                    var mapped = catalog.Map(property.Schema, property.Document, type.CsName + Naming.Pascal(property.WireName), type.File);
                    var nullable = !property.Required || IsNullable(property.Schema);
                    writer.DocSummary(property.Description);
                    writer.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({Naming.Literal(property.WireName)})]");
                    var initializer = !nullable && !mapped.IsValueType ? " = default!;" : string.Empty;
                    writer.Line($"public {mapped.Nullable(nullable)} {csName} {{ get; set; }}{initializer}");
                }

                writer.Close();
                break;
        }

        return writer.ToString();
    }

    private static bool IsNullable(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("nullable", out var n) && n.ValueKind == JsonValueKind.True;

    private static string UniqueMember(HashSet<string> used, string candidate)
    {
        var name = candidate;
        for (var i = 2; !used.Add(name); i++)
        {
            name = candidate + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }
}

using System.Globalization;
using System.Text.Json;

namespace Clients.Regen.Emit;

/// <summary>
/// Emits one contract type: a class with JSON-named properties (and an extension-data bag for undeclared ones), or an
/// open enum that round-trips every wire value, documented or not.
/// </summary>
internal sealed partial class ModelEmitter(TypeCatalog catalog, ContextTypeNames contextTypes, ISet<string> roots)
{
    private readonly Dictionary<TypeDefinition, List<Member>> _members = [];
    private readonly Dictionary<TypeDefinition, string> _extensionNames = [];

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
                EmitStringEnum(writer, type);
                break;
            case TypeKind.IntegerEnum:
                EmitIntegerEnum(writer, type);
                break;
            case TypeKind.Union:
                EmitUnion(writer, type);
                break;
            default:
                EmitObject(writer, type);
                break;
        }

        return writer.ToString();
    }

    // An open (extensible) enum, after the Azure SDK's: a readonly struct that carries any wire value, with one static
    // property per documented value. Members that would clash with the struct's own are suffixed, never renamed.
    private const string ExtensionData = "global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>";

    private static readonly string[] ObjectMembers = ["Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize"];

    private static readonly string[] OpenEnumMembers = ["IsKnown", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "ReferenceEquals", "Finalize"];

    private static void EmitStringEnum(CodeWriter writer, TypeDefinition type)
    {
        var name = type.CsName;
        var wires = type.EnumValues.Select(v => v.GetString()!).ToList();
        var used = new HashSet<string>(OpenEnumMembers, StringComparer.Ordinal) { name };
        var members = wires.Select(w => UniqueMember(used, w.Length == 0 ? "Empty" : Naming.Pascal(w))).ToList();
        var contract = $"global::Clients.Core.Wire.IStringEnum<{name}>";
        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Clients.Core.Wire.StringEnumJsonConverter<{name}>))]");
        writer.Open($"public readonly partial struct {name} : {contract}");
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.Line("/// <summary>Wraps a wire value, documented or not.</summary>");
        writer.Line($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        for (var i = 0; i < wires.Count; i++)
        {
            writer.Line();
            writer.Line($"/// <summary><c>{System.Security.SecurityElement.Escape(wires[i])}</c></summary>");
            writer.Line($"public static {name} {members[i]} {{ get; }} = new({Naming.Literal(wires[i])});");
        }

        writer.Line();
        writer.Line("/// <summary>True when the value is one the provider's document lists.</summary>");
        writer.Line("public bool IsKnown => _value is " + string.Join(" or ", wires.Select(Naming.Literal)) + ";");
        writer.Line();
        writer.Line($"string {contract}.WireValue => _value ?? string.Empty;");
        writer.Line();
        writer.Line($"static {name} {contract}.FromWire(string value) => new(value);");
        writer.Line();
        writer.Line("/// <summary>The exact wire value.</summary>");
        writer.Line("public override string ToString() => _value ?? string.Empty;");
        writer.Line();
        writer.Line($"public bool Equals({name} other) => string.Equals(_value, other._value, global::System.StringComparison.Ordinal);");
        EmitEquality(writer, name, "_value is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(_value)");
    }

    private static void EmitIntegerEnum(CodeWriter writer, TypeDefinition type)
    {
        var name = type.CsName;
        var values = type.EnumValues.Select(v => v.GetInt64()).ToList();
        var used = new HashSet<string>(OpenEnumMembers, StringComparer.Ordinal) { name };
        var contract = $"global::Clients.Core.Wire.IIntegerEnum<{name}>";
        writer.Line($"[global::System.Text.Json.Serialization.JsonConverter(typeof(global::Clients.Core.Wire.IntegerEnumJsonConverter<{name}>))]");
        writer.Open($"public readonly partial struct {name} : {contract}");
        writer.Line("private readonly long _value;");
        writer.Line();
        writer.Line("/// <summary>Wraps a wire value, documented or not.</summary>");
        writer.Line($"public {name}(long value) => _value = value;");
        foreach (var value in values)
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            var member = UniqueMember(used, value < 0 ? "ValueMinus" + (-value).ToString(CultureInfo.InvariantCulture) : "Value" + text);
            writer.Line();
            writer.Line($"/// <summary><c>{text}</c></summary>");
            writer.Line($"public static {name} {member} {{ get; }} = new({text});");
        }

        writer.Line();
        writer.Line("/// <summary>True when the value is one the provider's document lists.</summary>");
        writer.Line("public bool IsKnown => _value is " + string.Join(" or ", values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + ";");
        writer.Line();
        writer.Line($"long {contract}.WireValue => _value;");
        writer.Line();
        writer.Line($"static {name} {contract}.FromWire(long value) => new(value);");
        writer.Line();
        writer.Line("/// <summary>The exact wire value.</summary>");
        writer.Line("public override string ToString() => _value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        writer.Line();
        writer.Line($"public bool Equals({name} other) => _value == other._value;");
        EmitEquality(writer, name, "_value.GetHashCode()");
    }

    private static void EmitEquality(CodeWriter writer, string name, string hash)
    {
        writer.Line();
        writer.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        writer.Line();
        writer.Line($"public override int GetHashCode() => {hash};");
        writer.Line();
        writer.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        writer.Line();
        writer.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        writer.Close();
    }

    private static bool IsNullable(JsonElement schema) => SchemaType.IsNullable(schema);

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

using System.Text.Json;

namespace Clients.Regen.Emit;

/// <summary>A C# type to emit: an object contract or an enum.</summary>
internal sealed class TypeDefinition(string csName, TypeKind kind, string file)
{
    public string CsName { get; } = csName;

    public TypeKind Kind { get; } = kind;

    /// <summary>Path of the generated file, relative to <c>Generated/</c>.</summary>
    public string File { get; } = file;

    public string? SchemaName { get; init; }

    public string? Description { get; set; }

    public bool Deprecated { get; set; }

    public List<PropertyDefinition> Properties { get; } = [];

    public List<JsonElement> EnumValues { get; } = [];
}

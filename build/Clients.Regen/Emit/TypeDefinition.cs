using System.Text.Json;

namespace Clients.Regen.Emit;

/// <summary>A C# type to emit: an object contract, an enum or a union wrapper.</summary>
internal sealed class TypeDefinition(string csName, TypeKind kind, string file)
{
    public string CsName { get; } = csName;

    public TypeKind Kind { get; } = kind;

    /// <summary>Path of the generated file, relative to <c>Generated/</c>.</summary>
    public string File { get; } = file;

    public string? SchemaName { get; init; }

    public string? Description { get; set; }

    public bool Deprecated { get; set; }

    /// <summary>The object's own properties (a derived object's base declares the others).</summary>
    public List<PropertyDefinition> Properties { get; } = [];

    public List<JsonElement> EnumValues { get; } = [];

    /// <summary>The base contract, for an <c>allOf</c> of one <c>$ref</c> plus properties.</summary>
    public TypeDefinition? Base { get; set; }

    /// <summary>The contracts that derive from this one (it is then not sealed).</summary>
    public List<TypeDefinition> Derived { get; } = [];

    /// <summary>The discriminator's wire name, when this contract is a discriminated base.</summary>
    public string? DiscriminatorProperty { get; set; }

    /// <summary>Discriminator value → the derived contract it names (explicit mapping first, then schema names).</summary>
    public List<(string Value, TypeDefinition Type)> Mapping { get; } = [];

    /// <summary>The generated converter's name, for a discriminated base.</summary>
    public string? ConverterName { get; set; }

    /// <summary>The alternatives of a <see cref="TypeKind.Union"/>.</summary>
    public List<(JsonElement Schema, SpecDocument Document)> Alternatives { get; } = [];

    /// <summary>This contract and its bases, the root first.</summary>
    public IEnumerable<TypeDefinition> Lineage()
    {
        var chain = new List<TypeDefinition>();
        for (var type = this; type is not null; type = type.Base)
        {
            chain.Insert(0, type);
        }

        return chain;
    }
}

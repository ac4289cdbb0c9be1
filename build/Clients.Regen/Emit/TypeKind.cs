namespace Clients.Regen.Emit;

/// <summary>What a <see cref="TypeDefinition"/> becomes.</summary>
internal enum TypeKind
{
    Object,
    StringEnum,
    IntegerEnum,
    Alias,
}

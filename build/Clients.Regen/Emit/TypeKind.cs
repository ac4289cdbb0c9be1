namespace Clients.Regen.Emit;

/// <summary>What a <see cref="TypeDefinition"/> becomes.</summary>
internal enum TypeKind
{
    Object,
    StringEnum,
    IntegerEnum,
    Alias,

    /// <summary>A <c>oneOf</c>/<c>anyOf</c> no discriminated base covers: a wrapper with one <c>TryGet…</c> per alternative.</summary>
    Union,
}

using System.Text.Json;

namespace Clients.SpecTools.Internal;

/// <summary>
/// A schema node seen through its wrappers: OVH writes <c>{"allOf":[{"$ref":...}],"nullable":true,"description":...}</c>
/// to attach a description to a reference, so a single-member <c>allOf</c> without its own shape is unwrapped, and
/// the wrapper's <c>nullable</c> / <c>deprecated</c> flags are kept.
/// </summary>
internal readonly record struct SchemaView(JsonElement Element, string? SchemaName, bool Nullable, bool Deprecated)
{
    /// <summary>The reference text when it points nowhere (the diff does not require validated documents).</summary>
    public string? Unresolved { get; init; }

    private const int MaxUnwrap = 16;

    public static SchemaView Of(SpecDocumentModel document, JsonElement element)
    {
        var nullable = IsNullable(element);
        var deprecated = SpecDocumentModel.Bool(element, "deprecated");
        for (var i = 0; i < MaxUnwrap && element.ValueKind == JsonValueKind.Object; i++)
        {
            if (SpecDocumentModel.String(element, "$ref") is { } reference)
            {
                if (document.TryGetSchemaName(reference, out var name))
                {
                    return new SchemaView(document.Schemas[name], name, nullable, deprecated);
                }

                if (!JsonPointer.TryResolve(document.Root, reference, out var target))
                {
                    return new SchemaView(element, null, nullable, deprecated) { Unresolved = reference };
                }

                element = target;
                continue;
            }

            if (SpecDocumentModel.Property(element, "allOf") is { ValueKind: JsonValueKind.Array } allOf
                && allOf.GetArrayLength() == 1
                && !HasOwnShape(element))
            {
                element = allOf[0];
                nullable |= IsNullable(element);
                deprecated |= SpecDocumentModel.Bool(element, "deprecated");
                continue;
            }

            break;
        }

        return new SchemaView(element, null, nullable || IsNullable(element), deprecated);
    }

    private static bool HasOwnShape(JsonElement element) =>
        element.TryGetProperty("type", out _) || element.TryGetProperty("properties", out _) || element.TryGetProperty("items", out _);

    /// <summary>
    /// The view with the flags of the schema it names folded in: needed when a named schema is compared with an inline
    /// one or another named one (two references to one name leave them to the schema-level diff).
    /// </summary>
    public SchemaView WithTargetFlags() => SchemaName is null
        ? this
        : this with { Nullable = Nullable || IsNullable(Element), Deprecated = Deprecated || SpecDocumentModel.Bool(Element, "deprecated") };

    private static bool IsNullable(JsonElement element)
    {
        if (SpecDocumentModel.Bool(element, "nullable") || SpecDocumentModel.Bool(element, "x-nullable"))
        {
            return true;
        }

        return SpecDocumentModel.Property(element, "type") is { ValueKind: JsonValueKind.Array } types
            && types.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == "null");
    }
}

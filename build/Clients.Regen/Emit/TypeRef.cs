namespace Clients.Regen.Emit;

/// <summary>A mapped C# type: its fully qualified spelling, and whether it is a value type or a collection.</summary>
internal sealed record TypeRef(string Cs, bool IsValueType, bool IsCollection = false)
{
    public static readonly TypeRef JsonElement = new("global::System.Text.Json.JsonElement", true);

    public string Nullable(bool nullable) => nullable ? Cs + "?" : Cs;
}

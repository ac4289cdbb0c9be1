namespace Clients.Regen.Emit;

/// <summary>A mapped C# type: its fully qualified spelling and how Refit should format it in a query string.</summary>
internal sealed record TypeRef(string Cs, bool IsValueType, string? QueryFormat = null, bool IsCollection = false)
{
    public static readonly TypeRef JsonElement = new("global::System.Text.Json.JsonElement", true);

    public string Nullable(bool nullable) => nullable ? Cs + "?" : Cs;
}

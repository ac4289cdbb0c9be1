namespace Clients.Regen.Model;

/// <summary>How one provider's documents become C# code.</summary>
/// <param name="Name">Lower-case provider id used in folders and messages (<c>optimum</c>, <c>ovh</c>, <c>origami</c>).</param>
/// <param name="Prefix">The C# name prefix (<c>Ovh</c> → <c>IOvhMeApi</c>).</param>
/// <param name="Grouping">Interfaces per tag (Swashbuckle-style documents) or per document (OVH universes).</param>
/// <param name="RuntimeHeaders">Header parameters the runtime's handlers send, so generated methods do not expose them.</param>
internal sealed record ProviderDefinition(
    string Name,
    string Prefix,
    InterfaceGrouping Grouping,
    IReadOnlyList<string> RuntimeHeaders)
{
    public string Namespace => "Clients." + Prefix;

    public string ModelsNamespace => Namespace + ".Models";

    public string MarkerAttribute => "global::" + Namespace + "." + Prefix + "Api";

    public string ContextName => Prefix + "JsonSerializerContext";

    public string GeneratedDirectory => Path.Combine("src", "Clients." + Prefix, "Generated");
}

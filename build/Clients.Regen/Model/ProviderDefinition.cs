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
    /// <summary>The namespace of the interfaces and the serializer context: <c>Clients.{Prefix}</c> here, the consumer's in a consumer project.</summary>
    public string Namespace { get; init; } = "Clients." + Prefix;

    public string ModelsNamespace => Namespace + ".Models";

    /// <summary>The provider package's marker attribute, wherever the interfaces are generated (it is what binds them).</summary>
    public string MarkerAttribute => "global::Clients." + Prefix + "." + Prefix + "Api";

    public string ContextName => Prefix + "JsonSerializerContext";

    /// <summary>Where the generated files go: relative to the root, or absolute (a consumer project's <c>Generated/{Prefix}</c>).</summary>
    public string GeneratedDirectory { get; init; } = Path.Combine("src", "Clients." + Prefix, "Generated");
}

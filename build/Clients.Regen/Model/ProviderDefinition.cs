using Clients.Regen.Pipeline;

namespace Clients.Regen.Model;

/// <summary>
/// One provider as data: its documents' sources (with their pull authentication), the namespace and folder its code is
/// generated into, the attribute its interfaces carry and how operations are grouped. The built-in providers are
/// described in <see cref="Providers"/>; a consumer's come from its <c>&lt;ClientsDocument&gt;</c> items
/// (<see cref="ConsumerDocument"/>). Nothing else in the tool names a provider.
/// </summary>
/// <param name="Name">Lower-case provider id used in folders, locks and messages (<c>optimum</c>, <c>ovh</c>, <c>acme</c>).</param>
/// <param name="Prefix">The C# name prefix (<c>Ovh</c> → <c>IOvhMeApi</c>).</param>
/// <param name="Grouping">Interfaces per tag (Swashbuckle-style documents) or per document (OVH universes).</param>
/// <param name="RuntimeHeaders">Header parameters the runtime's handlers send, so generated methods do not expose them.</param>
internal sealed record ProviderDefinition(
    string Name,
    string Prefix,
    InterfaceGrouping Grouping,
    IReadOnlyList<string> RuntimeHeaders)
{
    /// <summary>The provider's documents for this run (they may depend on the run's options: OVH's universes, a consumer's file).</summary>
    public Func<RegenOptions, IReadOnlyList<DocumentSource>> Documents { get; init; } = static _ => [];

    /// <summary>The namespace of the interfaces and the serializer context: <c>Clients.{Prefix}</c> here, the consumer's in a consumer project.</summary>
    public string Namespace { get; init; } = "Clients." + Prefix;

    /// <summary>A consumer provider's own namespace (<c>Namespace="…"</c>), kept as given whatever the run's namespace.</summary>
    public bool FixedNamespace { get; init; }

    public string ModelsNamespace => Namespace + ".Models";

    /// <summary>The attribute every generated interface carries (it is what binds them to the provider's registration).</summary>
    public string MarkerAttribute { get; init; } = "global::Clients." + Prefix + "." + Prefix + "Api";

    /// <summary>
    /// Documents whose key starts with <c>v2/</c> serve their paths under <c>/v2</c> (OVH: one base URL, two API
    /// versions); false for everyone else.
    /// </summary>
    public bool VersionedKeys { get; init; }

    public string ContextName => Prefix + "JsonSerializerContext";

    /// <summary>Where the generated files go: relative to the root, or absolute (a consumer project's <c>Generated/{Prefix}</c>).</summary>
    public string GeneratedDirectory { get; init; } = Path.Combine("src", "Clients." + Prefix, "Generated");
}

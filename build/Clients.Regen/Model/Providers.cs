namespace Clients.Regen.Model;

/// <summary>The three providers the project generates clients for.</summary>
internal static class Providers
{
    public static readonly ProviderDefinition Optimum = new("optimum", "Optimum", InterfaceGrouping.ByTag, []);

    // The runtime's handler sends `context` (from options or the current scope), so methods do not take it.
    public static readonly ProviderDefinition Origami = new("origami", "Origami", InterfaceGrouping.ByTag, ["context"]);

    public static readonly ProviderDefinition Ovh = new("ovh", "Ovh", InterfaceGrouping.ByDocument, []);

    public static IReadOnlyList<ProviderDefinition> All { get; } = [Optimum, Origami, Ovh];
}

using Clients.Ovh;

namespace Clients.Samples.Marketplace.Ovh;

/// <summary>
/// The rights the marketplace asks its customers for: the access rules of the OVH interfaces its pages call,
/// computed by the source generator from their Refit methods (no hand-written rule list to drift).
/// </summary>
internal static class MarketplaceOvhRights
{
    /// <summary>The interfaces the customer pages call.</summary>
    public static IReadOnlyList<Type> Interfaces { get; } = [typeof(IOvhDomainApi)];

    /// <summary>The rules: <c>OvhAccessRules.For(IOvhDomainApi)</c>.</summary>
    public static IReadOnlyList<OvhAccessRule> Rules { get; } = OvhAccessRules.For([.. Interfaces]);
}

using Clients.Ovh;

namespace Clients.Samples.Marketplace.Ovh;

/// <summary>
/// The rights the marketplace asks its customers for: the access rules of exactly the <see cref="IOvhDomainApi"/>
/// methods its pages call, taken from the manifest the source generator computed from the interface's Refit methods
/// (no hand-written rule list to drift). <c>OvhAccessRules.For&lt;IOvhDomainApi&gt;()</c> would ask for the whole
/// domain universe (112 rules, DELETE and <c>/terminate</c> included); a customer should grant only what is used.
/// </summary>
internal static class MarketplaceOvhRights
{
    /// <summary>The interface the customer pages call.</summary>
    public static Type Interface { get; } = typeof(IOvhDomainApi);

    /// <summary>The methods of <see cref="Interface"/> the customer pages call.</summary>
    public static IReadOnlyList<string> Methods { get; } =
    [
        nameof(IOvhDomainApi.ListDomainAsync),
        nameof(IOvhDomainApi.ListDomainZoneRecordAsync),
        nameof(IOvhDomainApi.GetDomainZoneRecordAsync),
        nameof(IOvhDomainApi.PostDomainZoneRecordAsync),
    ];

    /// <summary>The rules: the union of the methods' rules, duplicates merged, sorted by path then verb.</summary>
    public static IReadOnlyList<OvhAccessRule> Rules { get; } =
        new OvhAccessRuleBuilder().Add(Methods.SelectMany(OvhAccessRules.ForMethod<IOvhDomainApi>)).Build();
}

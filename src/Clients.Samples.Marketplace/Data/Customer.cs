namespace Clients.Samples.Marketplace.Data;

/// <summary>A customer of the marketplace (seeded; a real marketplace has its own sign-up).</summary>
internal sealed class Customer
{
    /// <summary>The marketplace's id of the customer; also the id given to <c>OvhConsumerKey.UseCustomer</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; set; }

    /// <summary>What the customer runs on the marketplace.</summary>
    public string? Description { get; set; }

    /// <summary>The customer's OVHcloud delegation, if they started one.</summary>
    public OvhConnection? OvhConnection { get; set; }
}

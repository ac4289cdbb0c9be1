namespace Clients.Ovh;

/// <summary>What an application asks a customer for: access rules, where to send the customer back, from which IPs.</summary>
public sealed class OvhCredentialRequest
{
    /// <summary>Creates a request for <paramref name="accessRules"/> (for example <c>OvhAccessRules.For&lt;IOvhMeApi&gt;()</c>).</summary>
    /// <param name="accessRules">The rules; duplicates are sent once.</param>
    public OvhCredentialRequest(IEnumerable<OvhAccessRule> accessRules)
    {
        ArgumentNullException.ThrowIfNull(accessRules);
        AccessRules = accessRules.Distinct().ToArray();
        if (AccessRules.Count == 0)
        {
            throw new ArgumentException("An OVH credential request needs at least one access rule.", nameof(accessRules));
        }
    }

    /// <summary>The access rules requested.</summary>
    public IReadOnlyList<OvhAccessRule> AccessRules { get; }

    /// <summary>Where OVH sends the customer after validation (optional).</summary>
    public Uri? Redirection { get; init; }

    /// <summary>The IP addresses or CIDR blocks the consumer key may be used from (optional).</summary>
    public IReadOnlyList<string>? AllowedIPs { get; init; }
}

namespace Clients.Ovh;

/// <summary>Per-request settings of the OVH handler, carried on <see cref="HttpRequestMessage.Options"/>.</summary>
/// <remarks>
/// With Refit, pass them with a <c>[Property(OvhRequestOptions.ConsumerKeyName)]</c> parameter; otherwise prefer the
/// ambient <see cref="OvhConsumerKey"/> scopes.
/// </remarks>
public static class OvhRequestOptions
{
    /// <summary>The option name of <see cref="ConsumerKey"/>.</summary>
    public const string ConsumerKeyName = "Clients.Ovh.ConsumerKey";

    /// <summary>The option name of <see cref="CustomerId"/>.</summary>
    public const string CustomerIdName = "Clients.Ovh.CustomerId";

    /// <summary>The option name of <see cref="Unauthenticated"/>.</summary>
    public const string UnauthenticatedName = "Clients.Ovh.Unauthenticated";

    /// <summary>The consumer key to sign this request with (wins over every other source).</summary>
    public static readonly HttpRequestOptionsKey<string> ConsumerKey = new(ConsumerKeyName);

    /// <summary>The customer whose consumer key <see cref="IOvhConsumerKeySource"/> should supply.</summary>
    public static readonly HttpRequestOptionsKey<string> CustomerId = new(CustomerIdName);

    /// <summary>
    /// When <c>true</c>, the request is sent with only <c>X-Ovh-Application</c> (no consumer key, timestamp or signature).
    /// <c>/auth/time</c> and <c>/auth/credential</c> are always sent this way.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> Unauthenticated = new(UnauthenticatedName);
}

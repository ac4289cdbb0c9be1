namespace Clients.Ovh;

/// <summary>The names of OVH's authentication headers.</summary>
public static class OvhHeaders
{
    /// <summary>The application key.</summary>
    public const string Application = "X-Ovh-Application";

    /// <summary>The consumer key.</summary>
    public const string Consumer = "X-Ovh-Consumer";

    /// <summary>The Unix timestamp (server time).</summary>
    public const string Timestamp = "X-Ovh-Timestamp";

    /// <summary>The signature.</summary>
    public const string Signature = "X-Ovh-Signature";
}

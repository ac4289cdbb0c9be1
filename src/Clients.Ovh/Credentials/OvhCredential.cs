using System.Text.Json.Serialization;

namespace Clients.Ovh;

/// <summary>A consumer key's details, from <c>GET /auth/currentCredential</c>.</summary>
public sealed class OvhCredential
{
    /// <summary>The credential's id (also under <c>/me/api/credential</c>).</summary>
    [JsonPropertyName("credentialId")]
    public long? CredentialId { get; init; }

    /// <summary>The application's id.</summary>
    [JsonPropertyName("applicationId")]
    public long? ApplicationId { get; init; }

    /// <summary>The state.</summary>
    [JsonPropertyName("status")]
    [JsonConverter(typeof(OvhCredentialStateConverter))]
    public OvhCredentialState Status { get; init; }

    /// <summary>The access rules granted.</summary>
    [JsonPropertyName("rules")]
    public IReadOnlyList<OvhAccessRule> Rules { get; init; } = [];

    /// <summary>The IPs the key may be used from, if restricted.</summary>
    [JsonPropertyName("allowedIPs")]
    public IReadOnlyList<string>? AllowedIPs { get; init; }

    /// <summary>When the key was created.</summary>
    [JsonPropertyName("creation")]
    public DateTimeOffset? Creation { get; init; }

    /// <summary>When the key expires (<c>null</c>: never).</summary>
    [JsonPropertyName("expiration")]
    public DateTimeOffset? Expiration { get; init; }

    /// <summary>When the key was last used.</summary>
    [JsonPropertyName("lastUse")]
    public DateTimeOffset? LastUse { get; init; }

    /// <summary>Whether the key was created by OVH support.</summary>
    [JsonPropertyName("ovhSupport")]
    public bool? OvhSupport { get; init; }
}

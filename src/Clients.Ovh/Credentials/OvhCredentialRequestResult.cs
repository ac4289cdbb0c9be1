using System.Text.Json.Serialization;

namespace Clients.Ovh;

/// <summary>
/// OVH's answer to a credential request: the consumer key to store for this customer, the URL to send the customer to,
/// and the key's state (<see cref="OvhCredentialState.PendingValidation"/>).
/// </summary>
public sealed class OvhCredentialRequestResult
{
    /// <summary>The new consumer key. Store it (secret) with the customer's record.</summary>
    [JsonPropertyName("consumerKey")]
    public string ConsumerKey { get; init; } = "";

    /// <summary>Where the customer validates the delegation.</summary>
    [JsonPropertyName("validationUrl")]
    public Uri? ValidationUrl { get; init; }

    /// <summary>The key's state.</summary>
    [JsonPropertyName("state")]
    [JsonConverter(typeof(OvhCredentialStateConverter))]
    public OvhCredentialState State { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"OvhCredentialRequestResult {{ State = {State}, ValidationUrl = {ValidationUrl}, ConsumerKey = *** }}";
}

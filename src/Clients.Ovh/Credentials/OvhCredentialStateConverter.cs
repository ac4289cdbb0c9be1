using System.Text.Json;
using System.Text.Json.Serialization;

namespace Clients.Ovh;

/// <summary>Reads OVH's camelCase credential states; an unknown state becomes <see cref="OvhCredentialState.Unknown"/>.</summary>
internal sealed class OvhCredentialStateConverter : JsonConverter<OvhCredentialState>
{
    public override OvhCredentialState Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString() switch
        {
            "pendingValidation" => OvhCredentialState.PendingValidation,
            "validated" => OvhCredentialState.Validated,
            "refused" => OvhCredentialState.Refused,
            "expired" => OvhCredentialState.Expired,
            _ => OvhCredentialState.Unknown,
        };

    public override void Write(Utf8JsonWriter writer, OvhCredentialState value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value switch
        {
            OvhCredentialState.PendingValidation => "pendingValidation",
            OvhCredentialState.Validated => "validated",
            OvhCredentialState.Refused => "refused",
            OvhCredentialState.Expired => "expired",
            _ => "unknown",
        });
}

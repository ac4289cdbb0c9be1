using System.Text.Json.Serialization;

namespace Clients.Ovh;

/// <summary>The JSON body of <c>POST /auth/credential</c>.</summary>
internal sealed class OvhCredentialRequestBody
{
    [JsonPropertyName("accessRules")]
    public required IReadOnlyList<OvhAccessRule> AccessRules { get; init; }

    [JsonPropertyName("redirection")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Redirection { get; init; }

    [JsonPropertyName("allowedIPs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? AllowedIPs { get; init; }
}

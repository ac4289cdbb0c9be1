using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace Clients.Ovh;

/// <summary>The Refit settings shared by every OVH client: System.Text.Json and <see cref="OvhApiException"/> errors.</summary>
internal sealed class OvhRefitSettings
{
    public OvhRefitSettings()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // The generated contracts first; reflection for the credential types and a consumer's own interfaces.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(OvhJsonSerializerContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        RefitSettings? settings = null;
        settings = new RefitSettings(new SystemTextJsonContentSerializer(json))
        {
            ExceptionFactory = response => OvhApiExceptionFactory.CreateAsync(response, settings!),
        };
        Settings = settings;
    }

    public RefitSettings Settings { get; }
}

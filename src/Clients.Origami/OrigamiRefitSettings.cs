using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace Clients.Origami;

/// <summary>The Refit settings shared by the Origami clients: System.Text.Json and <see cref="OrigamiApiException"/>.</summary>
internal sealed class OrigamiRefitSettings
{
    public OrigamiRefitSettings()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // The generated contracts first; reflection only for types a consumer declares in its own interfaces.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(OrigamiJsonSerializerContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        RefitSettings? settings = null;
        settings = new RefitSettings(new SystemTextJsonContentSerializer(json))
        {
            ExceptionFactory = response => new ValueTask<Exception?>(OrigamiApiException.CreateAsync(response, settings!)),
        };
        Settings = settings;
    }

    public RefitSettings Settings { get; }
}

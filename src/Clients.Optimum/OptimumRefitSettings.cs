using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Clients.Core.OAuth2;
using Refit;

namespace Clients.Optimum;

/// <summary>The Refit settings shared by the Optimum clients: System.Text.Json and <see cref="OptimumApiException"/>.</summary>
internal sealed class OptimumRefitSettings
{
    public OptimumRefitSettings()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // The generated contracts first; reflection only for types a consumer declares in its own interfaces.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(OptimumJsonSerializerContext.Default, new DefaultJsonTypeInfoResolver()),
        };
        RefitSettings? settings = null;
        settings = new RefitSettings(new SystemTextJsonContentSerializer(json))
        {
            ExceptionFactory = response => new ValueTask<Exception?>(OptimumApiException.CreateAsync(response, settings!)),
        };
        Settings = settings.SurfaceTokenErrors();
    }

    public RefitSettings Settings { get; }
}

using System.Text.Json;
using Refit;

namespace Clients.Ovh;

/// <summary>The Refit settings shared by every OVH client: System.Text.Json and <see cref="OvhApiException"/> errors.</summary>
internal sealed class OvhRefitSettings
{
    public OvhRefitSettings()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Settings = new RefitSettings(new SystemTextJsonContentSerializer(json));
        var settings = Settings;
        Settings.ExceptionFactory = response => OvhApiExceptionFactory.CreateAsync(response, settings);
    }

    public RefitSettings Settings { get; }
}

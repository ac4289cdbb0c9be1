using Clients.Core.Wire;
using Refit;

namespace Clients.Origami;

/// <summary>The Refit settings shared by the Origami clients: the generated contracts and <see cref="OrigamiApiException"/> errors.</summary>
internal sealed class OrigamiRefitSettings
{
    public RefitSettings Settings { get; } = ProviderRefitSettings.Create(
        OrigamiJsonSerializerContext.Default,
        static (response, settings) => new ValueTask<Exception?>(OrigamiApiException.CreateAsync(response, settings)));
}

using Clients.Core.Wire;
using Refit;

namespace Clients.Optimum;

/// <summary>The Refit settings shared by the Optimum clients: the generated contracts and <see cref="OptimumApiException"/> errors.</summary>
internal sealed class OptimumRefitSettings
{
    public RefitSettings Settings { get; } = ProviderRefitSettings.Create(
        OptimumJsonSerializerContext.Default,
        static (response, settings) => new ValueTask<Exception?>(OptimumApiException.CreateAsync(response, settings)));
}

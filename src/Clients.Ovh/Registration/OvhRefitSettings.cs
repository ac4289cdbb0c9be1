using Clients.Core.Wire;
using Refit;

namespace Clients.Ovh;

/// <summary>The Refit settings shared by every OVH client: the generated contracts and <see cref="OvhApiException"/> errors.</summary>
internal sealed class OvhRefitSettings
{
    public RefitSettings Settings { get; } = ProviderRefitSettings.Create(OvhJsonSerializerContext.Default, OvhApiExceptionFactory.CreateAsync);
}

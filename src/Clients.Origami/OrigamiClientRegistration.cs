using Clients.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Origami;

/// <summary>The Origami registration hook called by the generated <c>AddOrigamiClients</c> methods.</summary>
public static class OrigamiClientRegistration
{
    /// <summary>Registers the Origami options (bound from <paramref name="section"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding the Origami settings.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, IConfiguration section)
    {
        throw new NotImplementedException("TODO: provider issue");
    }

    /// <summary>Registers the Origami options (set by <paramref name="configure"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, Action<OrigamiOptions> configure)
    {
        throw new NotImplementedException("TODO: provider issue");
    }
}

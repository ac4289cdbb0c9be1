using Clients.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Ovh;

/// <summary>The Ovh registration hook called by the generated <c>AddOvhClients</c> methods.</summary>
public static class OvhClientRegistration
{
    /// <summary>Registers the Ovh options (bound from <paramref name="section"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding the Ovh settings.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, IConfiguration section)
    {
        throw new NotImplementedException("TODO: provider issue");
    }

    /// <summary>Registers the Ovh options (set by <paramref name="configure"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, Action<OvhOptions> configure)
    {
        throw new NotImplementedException("TODO: provider issue");
    }
}

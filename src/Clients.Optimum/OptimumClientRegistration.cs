using Clients.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Optimum;

/// <summary>The Optimum registration hook called by the generated <c>AddOptimumClients</c> methods.</summary>
public static class OptimumClientRegistration
{
    /// <summary>Registers the Optimum options (bound from <paramref name="section"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding the Optimum settings.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, IConfiguration section)
    {
        throw new NotImplementedException("TODO: provider issue");
    }

    /// <summary>Registers the Optimum options (set by <paramref name="configure"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, Action<OptimumOptions> configure)
    {
        throw new NotImplementedException("TODO: provider issue");
    }
}

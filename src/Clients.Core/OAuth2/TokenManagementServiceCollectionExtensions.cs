using Clients.Core.OAuth2;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the shared token management services.</summary>
public static class TokenManagementServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TimeProvider.System"/> (unless a <see cref="TimeProvider"/> is registered already),
    /// <see cref="HybridCache"/> (unless registered already: register yours with a Redis second level first to share
    /// tokens across a fleet) and the <see cref="TokenCache"/>. Idempotent.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddClientsTokenManagement(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        if (!services.Any(d => d.ServiceType == typeof(HybridCache)))
        {
            services.AddHybridCache();
        }

        services.TryAddSingleton(sp => new TokenCache(
            sp.GetRequiredService<HybridCache>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TokenCache>>()));
        return services;
    }
}

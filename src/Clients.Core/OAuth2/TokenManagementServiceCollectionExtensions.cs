using Clients.Core.OAuth2;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the shared token management services.</summary>
public static class TokenManagementServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="TimeProvider.System"/> (unless a <see cref="TimeProvider"/> is registered already) and the
    /// <see cref="TokenCache"/>, which uses the registered <see cref="ITokenCoordinator"/> if there is one (see
    /// <c>AddClientsFleetTokens</c> to share tokens across a fleet through Redis). Idempotent.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddClientsTokenManagement(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new TokenCache(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TokenCache>>(),
            sp.GetService<ITokenCoordinator>()));
        return services;
    }
}

using Clients.Core.Fleet;
using Clients.Core.OAuth2;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers fleet-wide token coordination through Redis.</summary>
public static class FleetTokensServiceCollectionExtensions
{
    /// <summary>
    /// Shares tokens across the processes of a fleet through Redis: one token request per expiry (or rejection) for the
    /// whole fleet, the others reading the winner's token; tokens encrypted with ASP.NET Core Data Protection (key ring
    /// in the same Redis unless <see cref="FleetTokenOptions.ConfigureDataProtection"/> is off); Redis down or slow →
    /// each process acquires on its own. Call before or after <c>Add{Provider}Clients</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="redisConfiguration">The StackExchange.Redis configuration string, for example <c>127.0.0.1:6379</c>.</param>
    /// <param name="configure">Adjusts the other settings, if needed.</param>
    /// <returns>The service collection.</returns>
    /// <exception cref="ArgumentException">A setting is missing or out of range (the message names it).</exception>
    public static IServiceCollection AddClientsFleetTokens(this IServiceCollection services, string redisConfiguration, Action<FleetTokenOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new FleetTokenOptions { RedisConfiguration = redisConfiguration };
        configure?.Invoke(options);
        if (string.IsNullOrWhiteSpace(options.RedisConfiguration))
        {
            throw new ArgumentException("Fleet tokens: RedisConfiguration is required (for example \"127.0.0.1:6379\").", nameof(redisConfiguration));
        }

        foreach (var (name, value) in new[] { ("LockExpiry", options.LockExpiry), ("WaitTimeout", options.WaitTimeout), ("PollInterval", options.PollInterval), ("OperationTimeout", options.OperationTimeout) })
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentException($"Fleet tokens: {name} must be positive (was {value}).", nameof(configure));
            }
        }

        var connection = new FleetRedisConnection(options);
        services.AddSingleton(connection);
        if (options.ConfigureDataProtection)
        {
            services.AddDataProtection()
                .SetApplicationName(options.ApplicationName)
                .PersistKeysToStackExchangeRedis(() => connection.Database, options.DataProtectionKeysKey);
        }

        services.TryAddSingleton(sp => new ProtectedTokenSerializer(sp.GetRequiredService<IDataProtectionProvider>()));
        services.RemoveAll<ITokenCoordinator>();
        services.AddSingleton<ITokenCoordinator>(sp => new RedisTokenCoordinator(
            sp.GetRequiredService<FleetRedisConnection>(),
            sp.GetRequiredService<ProtectedTokenSerializer>(),
            options,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<RedisTokenCoordinator>>()));
        services.AddClientsTokenManagement();
        return services;
    }
}

using Clients.Core;
using Clients.Core.OAuth2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<OptimumOptions>().Bind(section);
        return AddCore(services, (section as IConfigurationSection)?.Path ?? "Optimum");
    }

    /// <summary>Registers the Optimum options (set by <paramref name="configure"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, Action<OptimumOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OptimumOptions>().Configure(configure);
        return AddCore(services, "Optimum");
    }

    private static ClientProviderBuilder AddCore(IServiceCollection services, string sectionPath)
    {
        services.AddOptions<OptimumOptions>().ValidateOnStart();
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<OptimumOptions>)))
        {
            services.AddSingleton<IValidateOptions<OptimumOptions>>(new OptimumOptionsValidator(sectionPath));
        }

        services.AddClientsTokenManagement();
        services.AddHttpClient(OptimumTokenProvider.TokenHttpClientName);
        services.TryAddSingleton<OptimumTokenProvider>();
        services.TryAddSingleton<OptimumRefitSettings>();

        var definition = new ClientProviderDefinition(
            "Optimum",
            static (sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<OptimumOptions>>().Value.ResolveApiBaseUrl(),
            static sp => sp.GetRequiredService<OptimumRefitSettings>().Settings,
            static sp => new BearerTokenHandler(sp.GetRequiredService<OptimumTokenProvider>(), sp.GetRequiredService<ILogger<BearerTokenHandler>>(), "Optimum"))
        {
            // Optimum answers 429 beyond about 30 requests per minute, with a Retry-After of up to a minute: wait for it.
            ResilienceDefaults = static o =>
            {
                o.MaxRetryAttempts = 8;
                o.MaxRetryAfter = TimeSpan.FromSeconds(65);
                o.TotalTimeout = TimeSpan.FromMinutes(5);
            },
        };
        return new ClientProviderBuilder(services, definition);
    }
}

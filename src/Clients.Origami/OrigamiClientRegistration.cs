using Clients.Core;
using Clients.Core.OAuth2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

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
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<OrigamiOptions>().Bind(section);
        return AddCore(services, (section as IConfigurationSection)?.Path ?? "Origami");
    }

    /// <summary>Registers the Origami options (set by <paramref name="configure"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, Action<OrigamiOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OrigamiOptions>().Configure(configure);
        return AddCore(services, "Origami");
    }

    private static ClientProviderBuilder AddCore(IServiceCollection services, string sectionPath)
    {
        services.AddOptions<OrigamiOptions>().ValidateOnStart();
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<OrigamiOptions>)))
        {
            services.AddSingleton<IValidateOptions<OrigamiOptions>>(new OrigamiOptionsValidator(sectionPath));
        }

        services.AddClientsTokenManagement();
        services.AddHttpClient(OrigamiTokenProvider.TokenHttpClientName);
        services.TryAddSingleton<OrigamiTokenProvider>();
        services.TryAddSingleton<OrigamiRefitSettings>();

        var definition = new ClientProviderDefinition(
            "Origami",
            static (sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<OrigamiOptions>>().Value.ResolveDataBaseUrl(),
            static sp => sp.GetRequiredService<OrigamiRefitSettings>().Settings,
            static sp => new BearerTokenHandler(sp.GetRequiredService<OrigamiTokenProvider>(), sp.GetRequiredService<ILogger<BearerTokenHandler>>(), "Origami"));

        // The context handler only sets a header: it may sit anywhere outside the auth handler.
        return new ClientProviderBuilder(services, definition)
            .ConfigureHttpClients(static client => client.AddHttpMessageHandler(static sp => new OrigamiContextHandler(sp.GetRequiredService<IOptions<OrigamiOptions>>())));
    }
}

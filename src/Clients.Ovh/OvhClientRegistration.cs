using Clients.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clients.Ovh;

/// <summary>The OVH registration hook called by the generated <c>AddOvhClients</c> methods.</summary>
public static class OvhClientRegistration
{
    /// <summary>The provider name.</summary>
    public const string ProviderName = "Ovh";

    /// <summary>Registers the OVH options (bound from <paramref name="section"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding the OVH settings.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        services.AddOptions<OvhOptions>().Bind(section).ValidateOnStart();
        return AddCore(services, section is IConfigurationSection s ? s.Path : ProviderName);
    }

    /// <summary>Registers the OVH options (set by <paramref name="configure"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, Action<OvhOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<OvhOptions>().Configure(configure).ValidateOnStart();
        return AddCore(services, ProviderName);
    }

    private static ClientProviderBuilder AddCore(IServiceCollection services, string sectionPath)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OvhServerClocks>();
        services.TryAddSingleton<OvhRefitSettings>();
        services.TryAddSingleton(sp => new OvhEndpoint(sp.GetRequiredService<IOptions<OvhOptions>>().Value));
        services.TryAddSingleton<IOvhConsumerKeyProvider, OptionsConsumerKeyProvider>();
        services.AddClientsTokenManagement();
        services.AddHttpClient(OvhServiceAccountTokenProvider.TokenHttpClientName);
        services.TryAddSingleton<OvhServiceAccountTokenProvider>();
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<OvhOptions>) && d.ImplementationInstance is OvhOptionsValidator))
        {
            services.AddSingleton<IValidateOptions<OvhOptions>>(new OvhOptionsValidator(sectionPath));
        }

        var definition = new ClientProviderDefinition(
            ProviderName,
            static (sp, http) => http.BaseAddress = sp.GetRequiredService<OvhEndpoint>().BaseAddress,
            static sp => sp.GetRequiredService<OvhRefitSettings>().Settings,
            static sp => ActivatorUtilities.CreateInstance<OvhSigningHandler>(sp));

        var builder = new ClientProviderBuilder(services, definition);
        builder.AddClient<IOvhCredentialApi>();
        services.TryAddTransient(static sp => new OvhCredentialClient(
            sp.GetRequiredService<IOvhCredentialApi>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<OvhCredentialClient>>()));
        return builder;
    }
}

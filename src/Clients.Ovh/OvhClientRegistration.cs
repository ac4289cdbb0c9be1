using Clients.Core;
using Clients.Core.OAuth2;
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

    // OAuth2 service accounts: client credentials with OVH's only scope, HTTP Basic client authentication.
    private const string ServiceAccountScope = "all";

    // One attribute (OvhApiAttribute), one options class, one auth choice: the AK/AS/CK signature, or a
    // service account's bearer token (Core's BearerTokenHandler) when ClientId is set.
    private static readonly ClientProviderRegistration<OvhOptions> Registration = new(
        ProviderName,
        static sectionPath => new OvhOptionsValidator(sectionPath),
        static services =>
        {
            services.TryAddSingleton<OvhServerClocks>();
            services.TryAddSingleton<OvhRefitSettings>();
            services.TryAddSingleton(static sp => new OvhEndpoint(sp.GetRequiredService<IOptions<OvhOptions>>().Value));
            services.TryAddSingleton<IOvhConsumerKeyProvider, OptionsConsumerKeyProvider>();
            services.TryAddKeyedSingleton(ProviderName, static (sp, _) => CreateServiceAccountTokenProvider(sp));
            return new ClientProviderDefinition(
                ProviderName,
                static (sp, http) => http.BaseAddress = sp.GetRequiredService<OvhEndpoint>().BaseAddress,
                static sp => sp.GetRequiredService<OvhRefitSettings>().Settings,
                static sp => string.IsNullOrEmpty(sp.GetRequiredService<IOptions<OvhOptions>>().Value.ClientId)
                    ? ActivatorUtilities.CreateInstance<OvhSigningHandler>(sp)
                    : new BearerTokenHandler(sp.GetRequiredKeyedService<IAccessTokenProvider>(ProviderName), sp.GetService<ILogger<BearerTokenHandler>>()));
        });

    /// <summary>Registers the OVH options (bound from <paramref name="section"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding the OVH settings.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, IConfiguration section) =>
        AddOvhServices(Registration.Add(services, section, static (options, s) => options.Bind(s)));

    /// <summary>Registers the OVH options (set by <paramref name="configure"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, Action<OvhOptions> configure) =>
        AddOvhServices(Registration.Add(services, configure));

    private static ClientProviderBuilder AddOvhServices(ClientProviderBuilder builder)
    {
        // Outside the auth handler: the URL mapping is the same for signatures and bearer tokens.
        builder.ConfigureHttpClients(static client => client.AddHttpMessageHandler(static sp => new OvhEndpointHandler(sp.GetRequiredService<OvhEndpoint>())));
        builder.AddClient<IOvhCredentialApi>();
        builder.Services.TryAddTransient(static sp => new OvhCredentialClient(
            sp.GetRequiredService<IOvhCredentialApi>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<OvhCredentialClient>>()));
        return builder;
    }

    private static IAccessTokenProvider CreateServiceAccountTokenProvider(IServiceProvider services)
    {
        var o = services.GetRequiredService<IOptions<OvhOptions>>().Value;
        var tokenUrl = o.TokenUrl
            ?? (o.Endpoint is { } name && OvhRegion.All.TryGetValue(name, out var region) ? region.TokenUrl : null)
            ?? throw new InvalidOperationException("Ovh:TokenUrl is required for an OAuth2 service account with this endpoint.");
        return services.GetRequiredService<OAuth2TokenProviders>().ClientCredentials(
            new OAuth2TokenClientOptions
            {
                ProviderName = ProviderName,
                TokenEndpoint = tokenUrl,
                ClientId = o.ClientId!,
                ClientSecret = o.ClientSecret,
                ClientAuthentication = OAuth2ClientAuthentication.ClientSecretBasic,
                RequestFormat = OAuth2RequestFormat.Form,
            },
            ServiceAccountScope,
            TimeSpan.FromSeconds(60));
    }
}

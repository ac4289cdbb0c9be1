using System.Text.Json.Serialization.Metadata;
using Clients.Core;
using Clients.Core.OAuth2;
using Clients.Core.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace Clients.Ovh;

/// <summary>The OVH registration hook called by the generated <c>AddOvhClients</c> methods.</summary>
public static class OvhClientRegistration
{
    /// <summary>The provider name.</summary>
    public const string ProviderName = "Ovh";

    // OAuth2 service accounts: client credentials with OVH's only scope, HTTP Basic client authentication.
    private const string ServiceAccountScope = "all";

    /// <summary>
    /// OVH: one attribute (<c>[OvhApi]</c>, declared beside the generated interfaces in Clients.Ovh.Generated), one
    /// options class, one auth choice: the AK/AS/CK signature
    /// (<see cref="OvhSigningHandler"/>), or a service account's bearer token (Core's <see cref="BearerTokenHandler"/>)
    /// when <see cref="OvhOptions.ClientId"/> is set; OVH's errors as <see cref="OvhApiException"/>, the region's URL
    /// mapping, and <see cref="IOvhCredentialApi"/> with <see cref="OvhCredentialClient"/> on every registration.
    /// </summary>
    public static ClientProviderRegistration<OvhOptions> Registration { get; } = new(
        ProviderName,
        static sectionPath => new OvhOptionsValidator(sectionPath),
        static (options, section) => options.Bind(section),
        static services =>
        {
            services.TryAddSingleton<OvhServerClocks>();

            // No contracts of its own here: the generated ones (OvhJsonSerializerContext) are in Clients.Ovh.Generated,
            // which references this assembly; its module initializer hands them to Core's registry, which every
            // provider's serializer consults.
            services.TryAddKeyedSingleton(ProviderName, static (_, _) => ProviderRefitSettings.Create(JsonTypeInfoResolver.Combine(), OvhApiExceptionFactory.CreateAsync, OvhSigningHandler.RemoveSecrets));
            services.TryAddSingleton(static sp => new OvhEndpoint(sp.GetRequiredService<IOptions<OvhOptions>>().Value));
            services.TryAddSingleton<IOvhConsumerKeySource, OptionsConsumerKeySource>();
            ObsoleteTokenProviderServices.AddKeyed(services, ProviderName);
            services.TryAddKeyedSingleton(ProviderName, static (sp, _) => CreateServiceAccountTokenSource(sp));
            return new ClientProviderDefinition(
                ProviderName,
                static (sp, http) => http.BaseAddress = sp.GetRequiredService<OvhEndpoint>().BaseAddress,
                static sp => sp.GetRequiredKeyedService<RefitSettings>(ProviderName),
                static sp => string.IsNullOrEmpty(sp.GetRequiredService<IOptions<OvhOptions>>().Value.ClientId)
                    ? ActivatorUtilities.CreateInstance<OvhSigningHandler>(sp)
                    : new BearerTokenHandler(sp.GetRequiredKeyedService<IAccessTokenSource>(ProviderName), sp.GetService<ILogger<BearerTokenHandler>>()));
        })
    {
        ConfigureBuilder = AddOvhServices,
    };

    private static void AddOvhServices(ClientProviderBuilder builder)
    {
        // Outside the auth handler: the URL mapping is the same for signatures and bearer tokens.
        builder.ConfigureHttpClients(static client => client.AddHttpMessageHandler(static sp => new OvhEndpointHandler(sp.GetRequiredService<OvhEndpoint>())));
        builder.AddClient<IOvhCredentialApi>();
        builder.Services.TryAddTransient(static sp => new OvhCredentialClient(
            sp.GetRequiredService<IOvhCredentialApi>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<OvhCredentialClient>>()));
    }

    private static IAccessTokenSource CreateServiceAccountTokenSource(IServiceProvider services)
    {
        var o = services.GetRequiredService<IOptions<OvhOptions>>().Value;
        var tokenUrl = o.TokenUrl
            ?? (o.Endpoint is { } name && OvhRegion.All.TryGetValue(name, out var region) ? region.TokenUrl : null)
            ?? throw new InvalidOperationException("Ovh:TokenUrl is required for an OAuth2 service account with this endpoint.");
        return services.GetRequiredService<OAuth2TokenSources>().ClientCredentials(
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

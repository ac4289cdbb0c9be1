using Clients.Core;
using Clients.Core.OAuth2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clients.Origami;

/// <summary>The Origami registration hook called by the generated <c>AddOrigamiClients</c> methods.</summary>
public static class OrigamiClientRegistration
{
    private const string ProviderName = "Origami";

    // One attribute (OrigamiApiAttribute), one options class, one auth choice (password-grant bearer tokens) + the context header.
    private static readonly ClientProviderRegistration<OrigamiOptions> Registration = new(
        ProviderName,
        static sectionPath => new OrigamiOptionsValidator(sectionPath),
        static services =>
        {
            services.TryAddSingleton<OrigamiRefitSettings>();
            services.TryAddKeyedSingleton(ProviderName, static (sp, _) => CreateTokenProvider(sp));
            return ClientProviderDefinition.WithBearerToken(
                ProviderName,
                static (sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<OrigamiOptions>>().Value.ResolveDataBaseUrl(),
                static sp => sp.GetRequiredService<OrigamiRefitSettings>().Settings,
                static sp => sp.GetRequiredKeyedService<IAccessTokenProvider>(ProviderName));
        });

    /// <summary>Registers the Origami options (bound from <paramref name="section"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding the Origami settings.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, IConfiguration section) =>
        WithContext(Registration.Add(services, section, static (options, s) => options.Bind(s)));

    /// <summary>Registers the Origami options (set by <paramref name="configure"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, Action<OrigamiOptions> configure) =>
        WithContext(Registration.Add(services, configure));

    // The context handler only sets a header: it may sit anywhere outside the auth handler.
    private static ClientProviderBuilder WithContext(ClientProviderBuilder builder) =>
        builder.ConfigureHttpClients(static client => client.AddHttpMessageHandler(static sp => new OrigamiContextHandler(sp.GetRequiredService<IOptions<OrigamiOptions>>())));

    private static IAccessTokenProvider CreateTokenProvider(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptionsMonitor<OrigamiOptions>>();
        var o = options.CurrentValue;
        return services.GetRequiredService<OAuth2TokenProviders>().Password(
            new OAuth2TokenClientOptions
            {
                ProviderName = ProviderName,
                TokenEndpoint = o.ResolveTokenUrl(),
                ClientId = o.ClientId!,
                ClientSecret = o.ClientSecret,
                ClientAuthentication = o.ClientAuthentication,
                RequestFormat = o.TokenRequestFormat,
                MaxRetries = o.TokenRequestRetries,
                RetryDelay = o.TokenRequestRetryDelay,
            },
            o.UserName!,
            () => options.CurrentValue.Password!,
            o.TokenExpiryBuffer);
    }
}

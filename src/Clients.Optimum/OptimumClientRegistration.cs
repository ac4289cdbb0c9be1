using Clients.Core;
using Clients.Core.OAuth2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clients.Optimum;

/// <summary>The Optimum registration hook called by the generated <c>AddOptimumClients</c> methods.</summary>
public static class OptimumClientRegistration
{
    private const string ProviderName = "Optimum";

    // One attribute (OptimumApiAttribute), one options class, one auth choice (client-credentials bearer tokens).
    private static readonly ClientProviderRegistration<OptimumOptions> Registration = new(
        ProviderName,
        static sectionPath => new OptimumOptionsValidator(sectionPath),
        static services =>
        {
            services.TryAddSingleton<OptimumRefitSettings>();
            services.TryAddKeyedSingleton(ProviderName, static (sp, _) => CreateTokenProvider(sp));
            return ClientProviderDefinition.WithBearerToken(
                ProviderName,
                static (sp, http) => http.BaseAddress = sp.GetRequiredService<IOptions<OptimumOptions>>().Value.ResolveApiBaseUrl(),
                static sp => sp.GetRequiredService<OptimumRefitSettings>().Settings,
                static sp => sp.GetRequiredKeyedService<IAccessTokenProvider>(ProviderName),
                // Optimum answers 429 beyond about 30 requests per minute, with a Retry-After of up to a minute: wait for it.
                static o =>
                {
                    o.MaxRetryAttempts = 8;
                    o.MaxRetryAfter = TimeSpan.FromSeconds(65);
                    o.TotalTimeout = TimeSpan.FromMinutes(5);
                });
        });

    /// <summary>Registers the Optimum options (bound from <paramref name="section"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding the Optimum settings.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, IConfiguration section) =>
        Registration.Add(services, section, static (options, s) => options.Bind(s));

    /// <summary>Registers the Optimum options (set by <paramref name="configure"/>, validated at start) and its handler chain.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public static ClientProviderBuilder AddProvider(IServiceCollection services, Action<OptimumOptions> configure) =>
        Registration.Add(services, configure);

    private static IAccessTokenProvider CreateTokenProvider(IServiceProvider services)
    {
        var o = services.GetRequiredService<IOptions<OptimumOptions>>().Value;
        return services.GetRequiredService<OAuth2TokenProviders>().ClientCredentials(
            new OAuth2TokenClientOptions
            {
                ProviderName = ProviderName,
                TokenEndpoint = o.ResolveTokenUrl(),
                ClientId = o.ClientId!,
                ClientSecret = o.ClientSecret,
                ClientAuthentication = o.ClientAuthentication,
                RequestFormat = OAuth2RequestFormat.Form,
                MaxRetries = o.TokenRequestRetries,
                RetryDelay = o.TokenRequestRetryDelay,
            },
            o.Scope,
            o.TokenExpiryBuffer);
    }
}

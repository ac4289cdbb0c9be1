using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clients.Core.OAuth2;

#pragma warning disable CS0618 // registers the obsolete names, for one release; goes with them

/// <summary>
/// Keeps the container's former token names working for one release: <see cref="OAuth2TokenProviders"/> resolves,
/// a provider's keyed <see cref="IAccessTokenProvider"/> is its <see cref="IAccessTokenSource"/>, and an
/// <see cref="IAccessTokenProvider"/> registered under the provider's name before the provider still replaces its token
/// source, as it did.
/// </summary>
internal static class ObsoleteTokenProviderServices
{
    /// <summary>Registers <see cref="OAuth2TokenProviders"/> over the registered <see cref="OAuth2TokenSources"/>.</summary>
    /// <param name="services">The services.</param>
    public static void AddFactory(IServiceCollection services) =>
        services.TryAddSingleton(static sp => new OAuth2TokenProviders(sp.GetRequiredService<OAuth2TokenSources>()));

    /// <summary>
    /// Forwards between a provider's keyed token source and its former name; call it before the provider adds its own
    /// <see cref="IAccessTokenSource"/> with <c>TryAdd</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="providerName">The provider's name (the service key).</param>
    public static void AddKeyed(IServiceCollection services, string providerName)
    {
        if (services.Any(d => d.IsKeyedService && d.ServiceType == typeof(IAccessTokenProvider) && Equals(d.ServiceKey, providerName)))
        {
            services.TryAddKeyedSingleton<IAccessTokenSource>(providerName, static (sp, key) => sp.GetRequiredKeyedService<IAccessTokenProvider>(key));
        }
        else
        {
            services.TryAddKeyedSingleton(providerName, static (sp, key) => AccessTokenProviderAdapter.Wrap(sp.GetRequiredKeyedService<IAccessTokenSource>(key)));
        }
    }
}

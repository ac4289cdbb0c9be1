using System.Diagnostics.CodeAnalysis;
using Clients.Core.OAuth2;
using Clients.Core.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace Clients.Core;

/// <summary>
/// The registration of a provider authenticated with OAuth2 bearer tokens, once: its clients' base address is
/// <see cref="OAuth2ProviderOptions.ResolveApiBaseUrl"/>, their Refit settings are made once per container, and their
/// auth handler is <see cref="BearerTokenHandler"/> over one token source per container, whose token client comes
/// from the options (<see cref="OAuth2ProviderOptions.ToTokenClientOptions"/>). The provider states only its grant.
/// </summary>
public static partial class OAuth2ProviderRegistration
{
    /// <summary>Describes an OAuth2 bearer-token provider's registration.</summary>
    /// <typeparam name="TOptions">The provider's options.</typeparam>
    /// <param name="providerName">The provider's name (<c>Optimum</c>); also the default configuration section name.</param>
    /// <param name="createValidator">Creates the provider's options validator for a configuration section path.</param>
    /// <param name="bind">Binds the options from a section (see <see cref="ClientProviderRegistration{TOptions}(string, Func{string, IValidateOptions{TOptions}}, Action{OptionsBuilder{TOptions}, IConfiguration}, Func{IServiceCollection, ClientProviderDefinition})"/>).</param>
    /// <param name="createRefitSettings">Creates the Refit settings of the provider's clients (see <see cref="Wire.ProviderRefitSettings"/>).</param>
    /// <param name="grant">
    /// Creates the provider's token source from <see cref="OAuth2TokenSources"/>, the token client the options
    /// describe and the options themselves (read a secret through the monitor when it is needed, never keep it).
    /// </param>
    /// <param name="resilienceDefaults">What the provider's resilience defaults differ in (see <see cref="ClientProviderDefinition.ResilienceDefaults"/>).</param>
    /// <param name="configureBuilder">What the provider adds to its builder on every registration (see <see cref="ClientProviderRegistration{TOptions}.ConfigureBuilder"/>).</param>
    /// <returns>The registration, for the provider's hook to expose as <c>Registration</c>.</returns>
    public static ClientProviderRegistration<TOptions> Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        string providerName,
        Func<string, IValidateOptions<TOptions>> createValidator,
        Action<OptionsBuilder<TOptions>, IConfiguration> bind,
        Func<RefitSettings> createRefitSettings,
        Func<OAuth2TokenSources, OAuth2TokenClientOptions, IOptionsMonitor<TOptions>, IAccessTokenSource> grant,
        Action<ClientsResilienceOptions>? resilienceDefaults = null,
        Action<ClientProviderBuilder>? configureBuilder = null)
        where TOptions : OAuth2ProviderOptions
    {
        ArgumentNullException.ThrowIfNull(createRefitSettings);
        ArgumentNullException.ThrowIfNull(grant);
        return new ClientProviderRegistration<TOptions>(providerName, createValidator, bind, services =>
        {
            services.TryAddKeyedSingleton(providerName, (_, _) => createRefitSettings());
            ObsoleteTokenProviderServices.AddKeyed(services, providerName);
            services.TryAddKeyedSingleton<IAccessTokenSource>(providerName, (sp, _) =>
            {
                var options = sp.GetRequiredService<IOptionsMonitor<TOptions>>();
                return grant(sp.GetRequiredService<OAuth2TokenSources>(), options.CurrentValue.ToTokenClientOptions(providerName), options);
            });
            return ClientProviderDefinition.WithBearerToken(
                providerName,
                (sp, http) => http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue.ResolveApiBaseUrl(),
                sp => sp.GetRequiredKeyedService<RefitSettings>(providerName),
                sp => sp.GetRequiredKeyedService<IAccessTokenSource>(providerName),
                resilienceDefaults);
        })
        {
            ConfigureBuilder = configureBuilder,
        };
    }
}

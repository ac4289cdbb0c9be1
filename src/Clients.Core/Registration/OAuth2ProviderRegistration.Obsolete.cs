using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Clients.Core.OAuth2;
using Clients.Core.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Refit;

namespace Clients.Core;

/// <content>The former signature of <c>Create</c>, kept for one release.</content>
public static partial class OAuth2ProviderRegistration
{
    /// <summary>
    /// The former signature of <see cref="Create{TOptions}(string, Func{string, IValidateOptions{TOptions}}, Action{OptionsBuilder{TOptions}, IConfiguration}, Func{RefitSettings}, Func{OAuth2TokenSources, OAuth2TokenClientOptions, IOptionsMonitor{TOptions}, IAccessTokenSource}, Action{ClientsResilienceOptions}?, Action{ClientProviderBuilder}?)"/>,
    /// whose grant takes <see cref="OAuth2TokenProviders"/> and returns an <see cref="IAccessTokenProvider"/>: forwards to it.
    /// A grant written as a lambda with untyped parameters binds to the new signature (this one has the lower
    /// overload resolution priority).
    /// </summary>
    /// <typeparam name="TOptions">The provider's options.</typeparam>
    /// <param name="providerName">The provider's name.</param>
    /// <param name="createValidator">Creates the provider's options validator for a configuration section path.</param>
    /// <param name="bind">Binds the options from a section.</param>
    /// <param name="createRefitSettings">Creates the Refit settings of the provider's clients.</param>
    /// <param name="grant">Creates the provider's token source from the former factory.</param>
    /// <param name="resilienceDefaults">What the provider's resilience defaults differ in.</param>
    /// <param name="configureBuilder">What the provider adds to its builder on every registration.</param>
    /// <returns>The registration.</returns>
    [Obsolete("Use the Create overload whose grant takes OAuth2TokenSources and returns IAccessTokenSource (\"provider\" now means only the API vendor); this one will be removed in the next release.")]
    [OverloadResolutionPriority(-1)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ClientProviderRegistration<TOptions> Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        string providerName,
        Func<string, IValidateOptions<TOptions>> createValidator,
        Action<OptionsBuilder<TOptions>, IConfiguration> bind,
        Func<RefitSettings> createRefitSettings,
        Func<OAuth2TokenProviders, OAuth2TokenClientOptions, IOptionsMonitor<TOptions>, IAccessTokenProvider> grant,
        Action<ClientsResilienceOptions>? resilienceDefaults = null,
        Action<ClientProviderBuilder>? configureBuilder = null)
        where TOptions : OAuth2ProviderOptions
    {
        ArgumentNullException.ThrowIfNull(grant);
        return Create<TOptions>(
            providerName,
            createValidator,
            bind,
            createRefitSettings,
            (sources, client, options) => grant(new OAuth2TokenProviders(sources), client, options),
            resilienceDefaults,
            configureBuilder);
    }
}

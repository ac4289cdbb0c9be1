using System.Diagnostics.CodeAnalysis;
using Clients.Core.OAuth2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Clients.Core;

/// <summary>
/// The registration every provider shares, once: its options (bound from a configuration section or set by code,
/// validated at start by the provider's validator, which names the section in its messages), the clock, token
/// management, the named token <see cref="HttpClient"/>, and the <see cref="ClientProviderBuilder"/> of its clients.
/// A provider states its name, its validator, how its options bind and what its clients are made of
/// (<see cref="ClientProviderDefinition"/>: base address, Refit settings, one authentication choice); providers
/// authenticated with OAuth2 bearer tokens state even less (<see cref="OAuth2ProviderRegistration"/>).
/// </summary>
/// <remarks>
/// A provider's registration hook (the <see cref="ClientProviderAttribute.Registration"/> class) exposes its instance as
/// <c>public static ClientProviderRegistration&lt;TOptions&gt; Registration { get; }</c>; the generated
/// <c>Add{Provider}Clients</c> and <c>Add{Interface}</c> methods call <see cref="Add(IServiceCollection, IConfiguration)"/>
/// and <see cref="Add(IServiceCollection, Action{TOptions})"/> on it.
/// </remarks>
/// <typeparam name="TOptions">The provider's options.</typeparam>
public sealed class ClientProviderRegistration<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>
    where TOptions : class
{
    private readonly Func<string, IValidateOptions<TOptions>> _createValidator;
    private readonly Action<OptionsBuilder<TOptions>, IConfiguration> _bind;
    private readonly Func<IServiceCollection, ClientProviderDefinition> _addServices;

    /// <summary>Describes a provider's registration.</summary>
    /// <param name="providerName">The provider's name (<c>Optimum</c>); also the default configuration section name.</param>
    /// <param name="createValidator">Creates the provider's options validator for a configuration section path.</param>
    /// <param name="bind">
    /// Binds the options (<c>static (options, section) =&gt; options.Bind(section)</c>): written in the provider's
    /// assembly, where the configuration binding source generator makes it reflection-free (trimming, native AOT).
    /// </param>
    /// <param name="addServices">Adds the provider's own services and returns what its clients are made of.</param>
    public ClientProviderRegistration(
        string providerName,
        Func<string, IValidateOptions<TOptions>> createValidator,
        Action<OptionsBuilder<TOptions>, IConfiguration> bind,
        Func<IServiceCollection, ClientProviderDefinition> addServices)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(createValidator);
        ArgumentNullException.ThrowIfNull(bind);
        ArgumentNullException.ThrowIfNull(addServices);
        ProviderName = providerName;
        _createValidator = createValidator;
        _bind = bind;
        _addServices = addServices;
    }

    /// <summary>The provider's name.</summary>
    public string ProviderName { get; }

    /// <summary>
    /// What the provider adds to its builder on every registration, after Core's (a handler outside the auth handler, a
    /// client every registration has). Optional.
    /// </summary>
    public Action<ClientProviderBuilder>? ConfigureBuilder { get; init; }

    /// <summary>Registers the provider with options bound from <paramref name="section"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="section">The configuration section holding the provider's settings.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public ClientProviderBuilder Add(IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        _bind(services.AddOptions<TOptions>(), section);
        return AddCore(services, (section as IConfigurationSection)?.Path ?? ProviderName);
    }

    /// <summary>Registers the provider with options set by <paramref name="configure"/>.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>A builder to add clients to and configure them.</returns>
    public ClientProviderBuilder Add(IServiceCollection services, Action<TOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TOptions>().Configure(configure);
        return AddCore(services, ProviderName);
    }

    private ClientProviderBuilder AddCore(IServiceCollection services, string sectionPath)
    {
        services.AddOptions<TOptions>().ValidateOnStart();
        if (!services.Any(static d => d.ServiceType == typeof(ValidatorAdded)))
        {
            // Once per provider, however many Add{Provider}Clients / Add{Interface} calls: messages name the first section.
            services.AddSingleton(new ValidatorAdded());
            services.AddSingleton(_createValidator(sectionPath));
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddClientsTokenManagement();
        services.AddHttpClient(OAuth2TokenSources.HttpClientName(ProviderName));
        services.TryAddSingleton(static sp => new OAuth2TokenSources(
            sp.GetRequiredService<TokenCache>(),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        ObsoleteTokenProviderServices.AddFactory(services);
        var builder = new ClientProviderBuilder(services, _addServices(services));
        ConfigureBuilder?.Invoke(builder);
        return builder;
    }

    // Marks, per options type, that the provider's validator is registered.
    private sealed class ValidatorAdded;
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using Clients.Core.OAuth2;
using Clients.Core.Resilience;
using Clients.Core.Wire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace Clients.Core;

/// <summary>
/// The registration of a provider of your own, stated by its authentication only: OAuth2 client credentials, OAuth2
/// password + refresh, an API key in a header or the query, or a <see cref="DelegatingHandler"/> of your own. Each
/// builder takes the provider's name, its generated JSON contracts and how its options bind; the rest (options
/// validated at start with messages naming the configuration path, base address, Refit settings, errors as
/// <see cref="ClientProviderApiException"/>, token caching, the auth handler innermost) is the same as the built-in
/// providers'. Expose the result as the hook's <c>public static ClientProviderRegistration&lt;TOptions&gt; Registration { get; }</c>.
/// </summary>
/// <example>
/// <code>
/// public static class AcmeClientRegistration
/// {
///     public static ClientProviderRegistration&lt;AcmeOptions&gt; Registration { get; } =
///         ClientProviderRegistration.OAuth2ClientCredentials&lt;AcmeOptions&gt;(
///             name: "Acme",
///             contracts: AcmeJsonSerializerContext.Default,
///             bind: static (options, section) =&gt; options.Bind(section));
/// }
/// </code>
/// </example>
public static class ClientProviderRegistration
{
    /// <summary>A provider authenticated with OAuth2 client-credentials bearer tokens (RFC 6749 §4.4), cached and renewed before expiry.</summary>
    /// <typeparam name="TOptions">The provider's options (<see cref="OAuth2ClientOptions"/>: BaseUrl, TokenUrl, ClientId, ClientSecret, Scope).</typeparam>
    /// <param name="name">The provider's name (<c>Acme</c>): the default configuration section, logs, telemetry, token cache.</param>
    /// <param name="contracts">The provider's generated JSON contracts (<c>AcmeJsonSerializerContext.Default</c>).</param>
    /// <param name="bind">
    /// Binds the options from a section: <c>static (options, section) =&gt; options.Bind(section)</c>, written in your
    /// assembly, where the configuration binding source generator makes it reflection-free (trimming, native AOT).
    /// </param>
    /// <param name="errors">Turns a failed response into your exception; default <see cref="ClientProviderApiException"/>.</param>
    /// <param name="resilience">What the provider's resilience defaults differ in (see <see cref="ClientProviderBuilder.AddResilience"/>).</param>
    /// <returns>The registration.</returns>
    public static ClientProviderRegistration<TOptions> OAuth2ClientCredentials<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        string name,
        IJsonTypeInfoResolver contracts,
        Action<OptionsBuilder<TOptions>, IConfiguration> bind,
        Func<HttpResponseMessage, RefitSettings, ValueTask<Exception?>>? errors = null,
        Action<ClientsResilienceOptions>? resilience = null)
        where TOptions : OAuth2ClientOptions
        => OAuth2<TOptions>(
            name, contracts, bind, errors, resilience,
            static (tokens, client, options) => tokens.ClientCredentials(client, options.CurrentValue.Scope, options.CurrentValue.TokenExpiryBuffer));

    /// <summary>
    /// A provider authenticated with OAuth2 resource-owner password bearer tokens (RFC 6749 §4.3), renewed with their
    /// refresh tokens; the password is read from the options only when a new grant is needed.
    /// </summary>
    /// <typeparam name="TOptions">The provider's options (<see cref="OAuth2PasswordOptions"/>: the client's, UserName, Password).</typeparam>
    /// <param name="name">The provider's name (<c>Acme</c>).</param>
    /// <param name="contracts">The provider's generated JSON contracts.</param>
    /// <param name="bind">Binds the options from a section (see <see cref="OAuth2ClientCredentials{TOptions}"/>).</param>
    /// <param name="errors">Turns a failed response into your exception; default <see cref="ClientProviderApiException"/>.</param>
    /// <param name="resilience">What the provider's resilience defaults differ in.</param>
    /// <returns>The registration.</returns>
    public static ClientProviderRegistration<TOptions> OAuth2Password<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        string name,
        IJsonTypeInfoResolver contracts,
        Action<OptionsBuilder<TOptions>, IConfiguration> bind,
        Func<HttpResponseMessage, RefitSettings, ValueTask<Exception?>>? errors = null,
        Action<ClientsResilienceOptions>? resilience = null)
        where TOptions : OAuth2PasswordOptions
        => OAuth2<TOptions>(
            name, contracts, bind, errors, resilience,
            static (tokens, client, options) => tokens.Password(client, options.CurrentValue.UserName!, () => options.CurrentValue.Password!, options.CurrentValue.TokenExpiryBuffer));

    /// <summary>A provider authenticated with an API key, sent in a header (<paramref name="header"/>) or a query parameter (<paramref name="query"/>).</summary>
    /// <typeparam name="TOptions">The provider's options (<see cref="ApiKeyProviderOptions"/>: BaseUrl, ApiKey).</typeparam>
    /// <param name="name">The provider's name (<c>Acme</c>).</param>
    /// <param name="contracts">The provider's generated JSON contracts.</param>
    /// <param name="bind">Binds the options from a section (see <see cref="OAuth2ClientCredentials{TOptions}"/>).</param>
    /// <param name="header">The header the key is sent in (<c>X-Api-Key</c>); set this or <paramref name="query"/>.</param>
    /// <param name="query">The query parameter the key is sent in (<c>api_key</c>); set this or <paramref name="header"/>.</param>
    /// <param name="errors">Turns a failed response into your exception; default <see cref="ClientProviderApiException"/>.</param>
    /// <param name="resilience">What the provider's resilience defaults differ in.</param>
    /// <returns>The registration.</returns>
    /// <exception cref="ArgumentException">Neither or both of <paramref name="header"/> and <paramref name="query"/> are set.</exception>
    public static ClientProviderRegistration<TOptions> ApiKey<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        string name,
        IJsonTypeInfoResolver contracts,
        Action<OptionsBuilder<TOptions>, IConfiguration> bind,
        string? header = null,
        string? query = null,
        Func<HttpResponseMessage, RefitSettings, ValueTask<Exception?>>? errors = null,
        Action<ClientsResilienceOptions>? resilience = null)
        where TOptions : ApiKeyProviderOptions
    {
        if (string.IsNullOrWhiteSpace(header) == string.IsNullOrWhiteSpace(query))
        {
            throw new ArgumentException($"{name}: send the API key in a header or in a query parameter: set exactly one of header and query.", nameof(header));
        }

        return Handler<TOptions>(
            name,
            contracts,
            bind,
            sp => new ApiKeyHandler<TOptions>(sp.GetRequiredService<IOptionsMonitor<TOptions>>(), string.IsNullOrWhiteSpace(header) ? null : header, string.IsNullOrWhiteSpace(query) ? null : query),
            errors,
            resilience);
    }

    /// <summary>A provider authenticated by a <see cref="DelegatingHandler"/> of your own (a signature, a custom token), the innermost handler of its clients.</summary>
    /// <typeparam name="TOptions">The provider's options (<see cref="ClientProviderOptions"/>: BaseUrl, and what your handler needs).</typeparam>
    /// <param name="name">The provider's name (<c>Acme</c>).</param>
    /// <param name="contracts">The provider's generated JSON contracts.</param>
    /// <param name="bind">Binds the options from a section (see <see cref="OAuth2ClientCredentials{TOptions}"/>).</param>
    /// <param name="handler">
    /// Creates the handler for a client (one per handler lifetime of <see cref="IHttpClientFactory"/>): read settings
    /// through <c>IOptionsMonitor&lt;TOptions&gt;</c>, so a secret is read when it is needed and never kept.
    /// </param>
    /// <param name="errors">Turns a failed response into your exception; default <see cref="ClientProviderApiException"/>.</param>
    /// <param name="resilience">What the provider's resilience defaults differ in.</param>
    /// <returns>The registration.</returns>
    public static ClientProviderRegistration<TOptions> Handler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        string name,
        IJsonTypeInfoResolver contracts,
        Action<OptionsBuilder<TOptions>, IConfiguration> bind,
        Func<IServiceProvider, DelegatingHandler> handler,
        Func<HttpResponseMessage, RefitSettings, ValueTask<Exception?>>? errors = null,
        Action<ClientsResilienceOptions>? resilience = null)
        where TOptions : ClientProviderOptions
    {
        ArgumentNullException.ThrowIfNull(handler);
        var settings = Settings(name, contracts, errors);
        return new ClientProviderRegistration<TOptions>(name, static path => new ProviderOptionsValidator<TOptions>(path), bind, services =>
        {
            services.TryAddKeyedSingleton(name, (_, _) => settings());
            return new ClientProviderDefinition(
                name,
                static (sp, http) => http.BaseAddress = sp.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue.BaseUrl,
                sp => sp.GetRequiredKeyedService<RefitSettings>(name),
                handler)
            {
                ResilienceDefaults = resilience,
            };
        });
    }

    /// <summary>The OAuth2 bearer-token registration both grants share; each states only its grant.</summary>
    private static ClientProviderRegistration<TOptions> OAuth2<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(
        string name,
        IJsonTypeInfoResolver contracts,
        Action<OptionsBuilder<TOptions>, IConfiguration> bind,
        Func<HttpResponseMessage, RefitSettings, ValueTask<Exception?>>? errors,
        Action<ClientsResilienceOptions>? resilience,
        Func<OAuth2TokenSources, OAuth2TokenClientOptions, IOptionsMonitor<TOptions>, IAccessTokenSource> grant)
        where TOptions : OAuth2ClientOptions
        => OAuth2ProviderRegistration.Create<TOptions>(
            name,
            static path => new OAuth2ClientOptionsValidator<TOptions>(path),
            bind,
            Settings(name, contracts, errors),
            grant,
            resilience);

    private static Func<RefitSettings> Settings(string name, IJsonTypeInfoResolver contracts, Func<HttpResponseMessage, RefitSettings, ValueTask<Exception?>>? errors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(contracts);
        errors ??= (response, settings) => ClientProviderApiException.CreateAsync(name, response, settings);
        return () => ProviderRefitSettings.Create(contracts, errors);
    }
}

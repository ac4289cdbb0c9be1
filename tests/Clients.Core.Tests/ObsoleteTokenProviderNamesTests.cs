using System.Net;
using Clients.Core.OAuth2;
using Clients.Core.Wire;
using Clients.Sandbox.Hosting;
using Clients.Sandbox.Optimum;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clients.Core.Tests;

#pragma warning disable CS0618 // this class uses the former names on purpose: they must keep working for one release

/// <summary>
/// The former token names (<see cref="IAccessTokenProvider"/>, <see cref="OAuth2TokenProviders"/>, the <c>Create</c>
/// overload taking them), obsolete for one release, still work: code written against them compiles (with CS0618) and
/// behaves as before, on a real token endpoint and API (the Optimum emulator) on loopback.
/// </summary>
public sealed class ObsoleteTokenProviderNamesTests
{
    // A grant with explicitly typed parameters: it binds only to the obsolete overload.
    private static readonly ClientProviderRegistration<OAuth2ProviderRegistrationTests.AcmeOptions> Legacy = OAuth2ProviderRegistration.Create<OAuth2ProviderRegistrationTests.AcmeOptions>(
        "Legacy",
        static path => new NoValidation(path),
        static (options, section) => options.Bind(section),
        static () => ProviderRefitSettings.Create(EmptyContracts.Instance, static (_, _) => ValueTask.FromResult<Exception?>(null)),
        static (OAuth2TokenProviders tokens, OAuth2TokenClientOptions client, IOptionsMonitor<OAuth2ProviderRegistrationTests.AcmeOptions> options) =>
            tokens.ClientCredentials(client, options.CurrentValue.Scope, options.CurrentValue.TokenExpiryBuffer));

    [Fact]
    public async Task A_grant_written_against_OAuth2TokenProviders_still_authenticates_the_providers_calls()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        var services = new ServiceCollection();
        Legacy.Add(services, Section(sandbox.BaseUri, sandbox.TokenUrl, sandbox.ClientId, sandbox.ClientSecret)).AddClient<OAuth2ProviderRegistrationTests.IAcmeApi>();
        await using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientProviderBuilder.ClientName(typeof(OAuth2ProviderRegistrationTests.IAcmeApi)));
        using var response = await http.GetAsync(new Uri("Vehicles/AB-123-CD", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK, "the token the old grant obtained was sent");
        sandbox.TokenRequests.Should().Be(1);
        var source = provider.GetRequiredKeyedService<IAccessTokenSource>("Legacy");
        source.Should().BeAssignableTo<IAccessTokenProvider>("the old factory returned it under the old interface");
        provider.GetRequiredKeyedService<IAccessTokenProvider>("Legacy").Should().BeSameAs(source, "the old key resolves the same token source");
        provider.GetRequiredService<OAuth2TokenProviders>().Should().NotBeNull();
        OAuth2TokenProviders.HttpClientName("Legacy").Should().Be(OAuth2TokenSources.HttpClientName("Legacy"));
        (await provider.GetRequiredKeyedService<IAccessTokenProvider>("Legacy").GetTokenAsync(CancellationToken.None)).Value.Should().NotBeEmpty();
        sandbox.TokenRequests.Should().Be(1, "the token is the cached one");
    }

    [Fact]
    public async Task The_old_key_resolves_a_token_source_registered_under_the_new_name()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        var services = new ServiceCollection();
        Current.Add(services, Section(sandbox.BaseUri, sandbox.TokenUrl, sandbox.ClientId, sandbox.ClientSecret));
        await using var provider = services.BuildServiceProvider();

        var old = provider.GetRequiredKeyedService<IAccessTokenProvider>("Current");
        var token = await old.GetTokenAsync(CancellationToken.None);

        token.Value.Should().Be((await provider.GetRequiredKeyedService<IAccessTokenSource>("Current").GetTokenAsync(CancellationToken.None)).Value);
        sandbox.TokenRequests.Should().Be(1, "the old name forwards to the one token source of the container");
    }

    [Fact]
    public async Task An_IAccessTokenProvider_registered_under_the_providers_name_still_replaces_its_token_source()
    {
        var seen = new List<string?>();
        await using var api = await SandboxHost.StartAsync(app => app.MapGet("/who", (HttpRequest request) =>
        {
            seen.Add(request.Headers.Authorization);
            return Results.Ok();
        }));
        var services = new ServiceCollection();
        services.AddKeyedSingleton<IAccessTokenProvider>("Legacy", new FixedTokens("mine"));
        Legacy.Add(services, Section(api.BaseUri, new Uri(api.BaseUri, "never"), "id", "secret")).AddClient<OAuth2ProviderRegistrationTests.IAcmeApi>();
        await using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientProviderBuilder.ClientName(typeof(OAuth2ProviderRegistrationTests.IAcmeApi)));
        using var response = await http.GetAsync(new Uri("who", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        seen.Should().Equal("Bearer mine");
    }

    [Fact]
    public async Task An_implementation_of_IAccessTokenProvider_plugs_into_the_bearer_handler()
    {
        var seen = new List<string?>();
        await using var api = await SandboxHost.StartAsync(app => app.MapGet("/who", (HttpRequest request) =>
        {
            seen.Add(request.Headers.Authorization);
            return Results.Ok();
        }));
        IAccessTokenProvider tokens = new FixedTokens("old-interface");
        using var http = new HttpClient(new BearerTokenHandler(tokens) { InnerHandler = new SocketsHttpHandler() });

        using var response = await http.GetAsync(new Uri(api.BaseUri, "who"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        seen.Should().Equal("Bearer old-interface");
    }

    private static ClientProviderRegistration<OAuth2ProviderRegistrationTests.AcmeOptions> Current { get; } =
        OAuth2ProviderRegistration.Create<OAuth2ProviderRegistrationTests.AcmeOptions>(
            "Current",
            static path => new NoValidation(path),
            static (options, section) => options.Bind(section),
            static () => ProviderRefitSettings.Create(EmptyContracts.Instance, static (_, _) => ValueTask.FromResult<Exception?>(null)),
            static (tokens, client, options) => tokens.ClientCredentials(client, options.CurrentValue.Scope, options.CurrentValue.TokenExpiryBuffer));

    private static IConfiguration Section(Uri apiUrl, Uri tokenUrl, string clientId, string clientSecret) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ApiUrl"] = apiUrl.ToString(),
            ["TokenUrl"] = tokenUrl.ToString(),
            ["ClientId"] = clientId,
            ["ClientSecret"] = clientSecret,
            ["TokenRequestRetries"] = "0",
        })
        .Build();

    private sealed class FixedTokens(string value) : IAccessTokenProvider
    {
        public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) =>
            new(new AccessToken(value, "Bearer", DateTimeOffset.MaxValue, null));

        public ValueTask<AccessToken> RenewTokenAsync(AccessToken rejected, CancellationToken cancellationToken) => GetTokenAsync(cancellationToken);
    }

    private sealed class NoValidation(string path) : OAuth2ProviderOptionsValidator<OAuth2ProviderRegistrationTests.AcmeOptions>(path)
    {
        protected override void ValidateProvider(OAuth2ProviderRegistrationTests.AcmeOptions options, List<string> failures)
        {
        }
    }

    private sealed class EmptyContracts : System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver
    {
        public static readonly EmptyContracts Instance = new();

        public System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type, System.Text.Json.JsonSerializerOptions options) => null;
    }
}

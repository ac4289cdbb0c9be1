using System.Net;
using Clients.Core.OAuth2;
using Clients.Core.Wire;
using Clients.Sandbox.Optimum;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Clients.Core.Tests;

/// <summary>
/// The OAuth2 bearer-token provider skeleton (<see cref="OAuth2ProviderRegistration"/>, <see cref="OAuth2ProviderOptions"/>,
/// <see cref="OAuth2ProviderOptionsValidator{TOptions}"/>): a fourth provider stated in a few lines, calling a real token
/// endpoint and API (the Optimum emulator) on loopback.
/// </summary>
public sealed class OAuth2ProviderRegistrationTests
{
    private static readonly ClientProviderRegistration<AcmeOptions> Registration = OAuth2ProviderRegistration.Create<AcmeOptions>(
        "Acme",
        static path => new AcmeValidator(path),
        static (options, section) => options.Bind(section),
        static () => ProviderRefitSettings.Create(EmptyContracts.Instance, static (_, _) => ValueTask.FromResult<Exception?>(null)),
        static (tokens, client, options) => tokens.ClientCredentials(client, options.CurrentValue.Scope, options.CurrentValue.TokenExpiryBuffer));

    [Fact]
    public async Task A_provider_stated_as_its_grant_calls_the_api_with_a_token_from_its_options()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        var services = new ServiceCollection();
        var builder = Registration.Add(services, SandboxSection(sandbox));
        builder.AddClient<IAcmeApi>();
        await using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientProviderBuilder.ClientName(typeof(IAcmeApi)));
        using var first = await http.GetAsync(new Uri("Vehicles/AB-123-CD", UriKind.Relative));
        using var second = await http.GetAsync(new Uri("Vehicles/AB-123-CD", UriKind.Relative));

        http.BaseAddress.Should().Be(sandbox.BaseUri, "the base address is the options' ResolveApiBaseUrl()");
        first.StatusCode.Should().Be(HttpStatusCode.OK, "the bearer handler sent the token the grant obtained");
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        sandbox.TokenRequests.Should().Be(1, "one token source per container caches the token");
        provider.GetRequiredKeyedService<RefitSettings>("Acme").Should().BeSameAs(provider.GetRequiredKeyedService<RefitSettings>("Acme"));
        provider.GetRequiredKeyedService<IAccessTokenSource>("Acme").Should().BeSameAs(provider.GetRequiredKeyedService<IAccessTokenSource>("Acme"));
    }

    [Fact]
    public async Task An_implementation_passed_to_AddClient_replaces_Refits_stub_on_the_same_client_handlers_and_settings()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        var services = new ServiceCollection();
        var builder = Registration.Add(services, SandboxSection(sandbox));
        var created = 0;
        var client = builder.AddClient<IAcmeVehiclesApi>((http, settings) =>
        {
            created++;
            return new AcmeVehiclesClient(http, settings);
        });
        builder.AddClient<IAcmeVehiclesApi>((http, settings) => throw new InvalidOperationException("registered twice"))
            .Should().BeSameAs(client, "adding the same interface twice registers it once");
        await using var provider = services.BuildServiceProvider();

        var api = provider.GetRequiredService<IAcmeVehiclesApi>();
        var body = await api.GetVehicleJsonAsync("AB-123-CD");

        api.Should().BeOfType<AcmeVehiclesClient>();
        created.Should().Be(1);
        services.Count(d => d.ServiceType == typeof(IAcmeVehiclesApi)).Should().Be(1, "Refit's stub registration was replaced, not added to");
        ((AcmeVehiclesClient)api).Settings.Should().BeSameAs(provider.GetRequiredKeyedService<RefitSettings>("Acme"));
        body.Should().Contain("AB-123-CD", "the call went through the provider's base address and bearer handler");
        sandbox.TokenRequests.Should().Be(1);
    }

    [Fact]
    public void Shared_and_provider_settings_are_validated_at_start_naming_each_setting_and_never_a_value()
    {
        var services = new ServiceCollection();
        Registration.Add(services, Section(new()
        {
            ["Tenants:A:Acme:ApiUrl"] = "relative/path",
            ["Tenants:A:Acme:ClientSecret"] = "s3cr3t-value",
            ["Tenants:A:Acme:TokenUrl"] = "ftp://127.0.0.1/token",
            ["Tenants:A:Acme:TokenExpiryBuffer"] = "-00:00:01",
            ["Tenants:A:Acme:TokenRequestRetries"] = "11",
            ["Tenants:A:Acme:TokenRequestRetryDelay"] = "-00:00:01",
        }).GetSection("Tenants:A:Acme"));
        using var provider = services.BuildServiceProvider();

        var error = FluentActions.Invoking(() => provider.GetRequiredService<IOptions<AcmeOptions>>().Value)
            .Should().Throw<OptionsValidationException>().Which;

        error.Failures.Should().BeEquivalentTo(
            "Tenants:A:Acme:ApiUrl must be an absolute http(s) URL.",
            "Tenants:A:Acme:ClientId is missing: set the OAuth2 client id.",
            "Tenants:A:Acme:TokenUrl must be an absolute http(s) URL.",
            "Tenants:A:Acme:TokenExpiryBuffer must not be negative.",
            "Tenants:A:Acme:TokenRequestRetries must be between 0 and 10.",
            "Tenants:A:Acme:TokenRequestRetryDelay must not be negative.");
        error.Message.Should().NotContain("s3cr3t-value");
    }

    [Fact]
    public void A_missing_token_url_names_what_to_set_and_the_token_client_is_refused_without_one()
    {
        var options = new AcmeOptions { ClientId = "id", ClientSecret = "secret" };

        new AcmeValidator("Acme").Validate(null, options).Failures.Should().Equal(
            "Acme:ApiUrl is missing: set Acme:ApiUrl.",
            "Acme:TokenUrl is missing: set Acme:TokenUrl.");
        FluentActions.Invoking(() => options.ToTokenClientOptions("Acme"))
            .Should().Throw<InvalidOperationException>().WithMessage("Acme: no token endpoint is configured.");
    }

    [Fact]
    public void The_token_client_options_carry_every_shared_setting()
    {
        var options = new AcmeOptions
        {
            TokenUrl = new Uri("http://127.0.0.1:9/token"),
            ClientId = "id",
            ClientSecret = "secret",
            ClientAuthentication = OAuth2ClientAuthentication.ClientSecretBasic,
            TokenRequestFormat = OAuth2RequestFormat.Json,
            TokenRequestRetries = 4,
            TokenRequestRetryDelay = TimeSpan.FromSeconds(3),
        };

        var client = options.ToTokenClientOptions("Acme");

        (client.ProviderName, client.TokenEndpoint, client.ClientId, client.ClientSecret).Should().Be(("Acme", options.TokenUrl, "id", "secret"));
        (client.ClientAuthentication, client.RequestFormat, client.MaxRetries, client.RetryDelay)
            .Should().Be((OAuth2ClientAuthentication.ClientSecretBasic, OAuth2RequestFormat.Json, 4, TimeSpan.FromSeconds(3)));
        options.TokenExpiryBuffer.Should().Be(TimeSpan.FromSeconds(30), "the provider's default, from its constructor");
    }

    private static IConfiguration SandboxSection(OptimumSandbox sandbox) => Section(new()
    {
        ["Acme:ApiUrl"] = sandbox.BaseUri.ToString(),
        ["Acme:TokenUrl"] = sandbox.TokenUrl.ToString(),
        ["Acme:ClientId"] = sandbox.ClientId,
        ["Acme:ClientSecret"] = sandbox.ClientSecret,
        ["Acme:TokenRequestRetries"] = "0",
    });

    private static IConfiguration Section(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return values.Keys.First().StartsWith("Acme:", StringComparison.Ordinal) ? configuration.GetSection("Acme") : configuration;
    }

    public interface IAcmeApi;

    public interface IAcmeVehiclesApi
    {
        [Get("/Vehicles/{registrationNumber}")]
        Task<string> GetVehicleJsonAsync(string registrationNumber, CancellationToken cancellationToken = default);
    }

    // What the Clients generator writes for an interface, reduced to one method.
    private sealed class AcmeVehiclesClient(HttpClient http, RefitSettings settings) : IAcmeVehiclesApi
    {
        public RefitSettings Settings => settings;

        public Task<string> GetVehicleJsonAsync(string registrationNumber, CancellationToken cancellationToken = default) =>
            GeneratedRequestSender.SendAsync<string>(
                http,
                new HttpRequestMessage(HttpMethod.Get, new Uri("Vehicles/" + Uri.EscapeDataString(registrationNumber), UriKind.Relative)),
                settings,
                bufferBody: false,
                cancellationToken);
    }

    public sealed class AcmeOptions() : OAuth2ProviderOptions(TimeSpan.FromSeconds(30))
    {
        public Uri? ApiUrl { get; set; }

        public string? Scope { get; set; }

        public override Uri? ResolveApiBaseUrl() => ApiUrl is { IsAbsoluteUri: true } ? ApiUrl : null;

        protected override Uri? DefaultTokenUrl() => null;
    }

    private sealed class AcmeValidator(string path) : OAuth2ProviderOptionsValidator<AcmeOptions>(path)
    {
        protected override void ValidateProvider(AcmeOptions options, List<string> failures) =>
            CheckUrl(failures, options.ApiUrl, options.ResolveApiBaseUrl(), "ApiUrl", $"set {SectionPath}:ApiUrl.");
    }

    private sealed class EmptyContracts : System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver
    {
        public static readonly EmptyContracts Instance = new();

        public System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(Type type, System.Text.Json.JsonSerializerOptions options) => null;
    }
}

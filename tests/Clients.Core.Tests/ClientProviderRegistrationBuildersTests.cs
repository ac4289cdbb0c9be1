using System.Net;
using System.Text.Json.Serialization.Metadata;
using Clients.Sandbox.Optimum;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clients.Core.Tests;

/// <summary>
/// A consumer's provider stated by its auth only (<see cref="ClientProviderRegistration"/>'s named-argument builders):
/// client credentials against a real token endpoint and API (the Optimum emulator), options validated at start with
/// messages naming the configuration path and never a secret, the API-key builder's one-place rule.
/// </summary>
public sealed class ClientProviderRegistrationBuildersTests
{
    private static readonly ClientProviderRegistration<PartnerOptions> Registration =
        ClientProviderRegistration.OAuth2ClientCredentials<PartnerOptions>(
            name: "Partner",
            contracts: new DefaultJsonTypeInfoResolver(),
            bind: static (options, section) => options.Bind(section));

    [Fact]
    public async Task OAuth2ClientCredentials_calls_the_api_with_a_token_from_its_options_and_caches_it()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        var services = new ServiceCollection();
        Registration.Add(services, Section(new()
        {
            ["Partner:BaseUrl"] = sandbox.BaseUri.ToString(),
            ["Partner:TokenUrl"] = sandbox.TokenUrl.ToString(),
            ["Partner:ClientId"] = sandbox.ClientId,
            ["Partner:ClientSecret"] = sandbox.ClientSecret,
        })).AddClient<IPartnerApi>();
        await using var provider = services.BuildServiceProvider();

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(ClientProviderBuilder.ClientName(typeof(IPartnerApi)));
        using var first = await http.GetAsync(new Uri("Vehicles/AB-123-CD", UriKind.Relative));
        using var second = await http.GetAsync(new Uri("Vehicles/AB-123-CD", UriKind.Relative));

        http.BaseAddress.Should().Be(sandbox.BaseUri);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        sandbox.TokenRequests.Should().Be(1);
        sandbox.LastAuthorization.Should().StartWith("Bearer ");
    }

    [Fact]
    public async Task Missing_settings_are_refused_at_start_naming_each_by_its_path_and_never_a_secret()
    {
        var services = new ServiceCollection();
        Registration.Add(services, Section(new() { ["Partner:ClientSecret"] = "top-secret-value", ["Partner:BaseUrl"] = "not a url" }));
        await using var provider = services.BuildServiceProvider();

        var failure = FluentActions.Invoking(() => provider.GetRequiredService<IOptions<PartnerOptions>>().Value)
            .Should().Throw<OptionsValidationException>().Which;

        failure.Failures.Should().Contain(f => f.StartsWith("Partner:ClientId is missing", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("Partner:TokenUrl is missing", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("Partner:BaseUrl", StringComparison.Ordinal));
        failure.Message.Should().NotContain("top-secret-value");
    }

    [Fact]
    public async Task An_api_key_provider_without_its_key_or_base_url_is_refused_at_start()
    {
        var registration = ClientProviderRegistration.ApiKey<KeyOptions>(
            name: "Keyed",
            contracts: new DefaultJsonTypeInfoResolver(),
            bind: static (options, section) => options.Bind(section),
            header: "X-Api-Key");
        var services = new ServiceCollection();
        registration.Add(services, Section(new() { ["Keyed:Unused"] = "1" }));
        await using var provider = services.BuildServiceProvider();

        var failure = FluentActions.Invoking(() => provider.GetRequiredService<IOptions<KeyOptions>>().Value)
            .Should().Throw<OptionsValidationException>().Which;

        failure.Failures.Should().BeEquivalentTo(
            "Keyed:BaseUrl is missing: set the base URL of the provider's API.",
            "Keyed:ApiKey is missing: set the API key the provider issued.");
        new KeyOptions { ApiKey = "k-123" }.ToString().Should().NotContain("k-123");
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("X-Api-Key", "api_key")]
    public void An_api_key_goes_in_exactly_one_place(string? header, string? query) =>
        FluentActions.Invoking(() => ClientProviderRegistration.ApiKey<KeyOptions>(
                name: "Keyed",
                contracts: new DefaultJsonTypeInfoResolver(),
                bind: static (options, section) => options.Bind(section),
                header: header,
                query: query))
            .Should().Throw<ArgumentException>().WithMessage("*exactly one of header and query*");

    private static IConfiguration Section(Dictionary<string, string?> values)
    {
        var name = values.Keys.First().Split(':')[0];
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(name);
    }

    public interface IPartnerApi;

    public sealed class PartnerOptions : OAuth2ClientOptions;

    public sealed class KeyOptions : ApiKeyProviderOptions;
}

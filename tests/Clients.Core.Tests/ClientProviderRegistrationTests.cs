using System.Net;
using Clients.Core;
using Clients.Core.OAuth2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clients.Core.Tests;

/// <summary>The provider skeleton every provider registers through: options, validator, token plumbing, builder.</summary>
public sealed class ClientProviderRegistrationTests
{
    private static readonly ClientProviderRegistration<SampleOptions> Registration = new(
        "Sample",
        static path => new SampleValidator(path),
        static (options, s) => options.Configure(o => o.Name = s["Name"]),
        static _ => new ClientProviderDefinition("Sample", static (_, _) => { }, static _ => new Refit.RefitSettings(), static _ => new PassThroughHandler()))
    {
        ConfigureBuilder = static builder => builder.Services.AddSingleton(new BuilderConfigured(builder.ProviderName)),
    };

    [Fact]
    public void Options_bound_from_a_section_are_validated_with_the_provider_validator_naming_that_section()
    {
        var services = new ServiceCollection();
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Tenants:A:Sample:Name"] = "" }).Build().GetSection("Tenants:A:Sample");

        var builder = Registration.Add(services, section);
        builder.ProviderName.Should().Be("Sample");
        using var provider = services.BuildServiceProvider();

        var error = FluentActions.Invoking(() => provider.GetRequiredService<IOptions<SampleOptions>>().Value).Should().Throw<OptionsValidationException>().Which;
        error.Message.Should().Be("Tenants:A:Sample:Name is required.");
    }

    [Fact]
    public void Registering_twice_adds_the_validator_once_and_the_token_plumbing()
    {
        var services = new ServiceCollection();
        Registration.Add(services, o => o.Name = "x");
        Registration.Add(services, o => o.Name = "x");

        services.Count(d => d.ServiceType == typeof(IValidateOptions<SampleOptions>)).Should().Be(1);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IOptions<SampleOptions>>().Value.Name.Should().Be("x");
        provider.GetRequiredService<OAuth2TokenSources>().Should().NotBeNull();
        provider.GetRequiredService<IHttpClientFactory>().CreateClient(OAuth2TokenSources.HttpClientName("Sample")).Should().NotBeNull();
        provider.GetServices<BuilderConfigured>().Select(c => c.Provider).Should().Equal(["Sample", "Sample"], "the provider's own additions run on every registration");
    }

    [Fact]
    public async Task FailedResponse_is_null_for_a_success_and_carries_request_and_body_otherwise()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1/x");
        using var ok = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent("{}") };
        using var failed = new HttpResponseMessage(HttpStatusCode.BadRequest) { RequestMessage = request, Content = new StringContent("{\"error\":\"x\"}") };

        (await FailedResponse.ReadAsync(ok)).Should().BeNull();
        var failure = await FailedResponse.ReadAsync(failed);
        failure!.Request.Should().BeSameAs(request);
        failure.Content.Should().Be("{\"error\":\"x\"}");
        (await failed.Content.ReadAsStringAsync()).Should().Be("{\"error\":\"x\"}", "the body stays readable");
    }

    public sealed class SampleOptions
    {
        public string? Name { get; set; }
    }

    private sealed class SampleValidator(string path) : IValidateOptions<SampleOptions>
    {
        public ValidateOptionsResult Validate(string? name, SampleOptions options) =>
            string.IsNullOrEmpty(options.Name) ? ValidateOptionsResult.Fail($"{path}:Name is required.") : ValidateOptionsResult.Success;
    }

    private sealed class PassThroughHandler : DelegatingHandler;

    private sealed record BuilderConfigured(string Provider);
}

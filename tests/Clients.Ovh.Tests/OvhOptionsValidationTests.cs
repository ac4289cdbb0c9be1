using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clients.Ovh.Tests;

public sealed class OvhOptionsValidationTests
{
    private static string Failure(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        OvhClientRegistration.Registration.Add(services, configuration.GetSection("Clients:Ovh"));
        using var sp = services.BuildServiceProvider();
        var act = () => sp.GetRequiredService<IOptions<OvhOptions>>().Value;
        return act.Should().Throw<OptionsValidationException>().Which.Message;
    }

    [Fact]
    public void Missing_application_key_and_secret_are_named_with_the_section_path()
    {
        var message = Failure(new() { ["Clients:Ovh:Endpoint"] = "ovh-eu" });
        message.Should().Contain("Clients:Ovh:ApplicationKey is required").And.Contain("Clients:Ovh:ApplicationSecret is required");
    }

    [Fact]
    public void Unknown_region_lists_the_regions()
    {
        Failure(new() { ["Clients:Ovh:Endpoint"] = "ovh-mars", ["Clients:Ovh:ApplicationKey"] = "ak", ["Clients:Ovh:ApplicationSecret"] = "as" })
            .Should().Contain("Clients:Ovh:Endpoint 'ovh-mars' is not an OVH region").And.Contain("soyoustart-ca");
    }

    [Fact]
    public void Missing_endpoint_is_named()
    {
        Failure(new() { ["Clients:Ovh:ApplicationKey"] = "ak", ["Clients:Ovh:ApplicationSecret"] = "as" })
            .Should().Contain("Clients:Ovh:Endpoint or Clients:Ovh:BaseUrl is required");
    }

    [Theory]
    [InlineData("kimsufi-eu")]
    [InlineData("soyoustart-ca")]
    public void Oauth2_service_accounts_on_kimsufi_or_soyoustart_are_a_configuration_error(string region)
    {
        Failure(new() { ["Clients:Ovh:Endpoint"] = region, ["Clients:Ovh:ClientId"] = "id", ["Clients:Ovh:ClientSecret"] = "topsecret" })
            .Should().Contain($"'{region}' does not support OAuth2 service accounts").And.NotContain("topsecret");
    }

    [Fact]
    public void Mixing_signing_keys_and_a_service_account_is_refused()
    {
        Failure(new()
        {
            ["Clients:Ovh:Endpoint"] = "ovh-eu", ["Clients:Ovh:ApplicationKey"] = "ak", ["Clients:Ovh:ApplicationSecret"] = "as",
            ["Clients:Ovh:ClientId"] = "id", ["Clients:Ovh:ClientSecret"] = "cs",
        }).Should().Contain("not both");
    }

    [Fact]
    public void A_valid_configuration_passes_and_ToString_hides_secrets()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ovh:Endpoint"] = "ovh-ca", ["Ovh:ApplicationKey"] = "ak", ["Ovh:ApplicationSecret"] = "the-secret", ["Ovh:ConsumerKey"] = "the-ck",
        }).Build();
        var services = new ServiceCollection();
        OvhClientRegistration.Registration.Add(services, configuration.GetSection("Ovh"));
        using var sp = services.BuildServiceProvider();

        var options = sp.GetRequiredService<IOptions<OvhOptions>>().Value;

        options.ToString().Should().NotContain("the-secret").And.NotContain("the-ck").And.Contain("ovh-ca");
        sp.GetRequiredService<OvhEndpoint>().BaseAddress.Should().Be(new Uri("https://ca.api.ovh.com/1.0"));
    }

    [Fact]
    public void The_seven_regions_have_the_official_base_urls_and_service_accounts_only_on_ovh()
    {
        OvhRegion.All.Should().HaveCount(7);
        OvhRegion.All["ovh-us"].BaseUrl.Should().Be(new Uri("https://api.us.ovhcloud.com/1.0"));
        OvhRegion.All["kimsufi-ca"].BaseUrl.Should().Be(new Uri("https://ca.api.kimsufi.com/1.0"));
        OvhRegion.All.Values.Where(r => r.TokenUrl is not null).Select(r => r.Name).Should().BeEquivalentTo("ovh-eu", "ovh-ca", "ovh-us");
    }
}

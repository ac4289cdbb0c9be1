using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clients.Origami.Tests;

public sealed class OrigamiOptionsTests
{
    [Fact]
    public void Missing_settings_fail_at_start_naming_each_setting_without_secrets()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Origami:ApiUrl"] = "https://api.example-marketplace.test",
            ["Origami:ClientId"] = "client",
            ["Origami:ClientSecret"] = "client-secret-value",
        }).Build();
        var services = new ServiceCollection();
        services.AddOrigamiClients(configuration.GetSection("Origami"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        var message = act.Should().Throw<OptionsValidationException>().Which.Message;
        message.Should().Contain("Origami:UserName").And.Contain("Origami:Password").And.NotContain("client-secret-value");
    }

    [Fact]
    public void The_urls_follow_the_api_url()
    {
        var options = new OrigamiOptions { ApiUrl = new Uri("https://api.example-marketplace.test") };

        options.ResolveApiBaseUrl().Should().Be(new Uri("https://api.example-marketplace.test/v1/"));
        options.ResolveTokenUrl().Should().Be(new Uri("https://api.example-marketplace.test/oauth/token"));
        options.DefaultContext.Should().Be("1");
    }

    [Fact]
    public void ToString_hides_the_secrets()
    {
        var options = new OrigamiOptions { ClientId = "c", ClientSecret = "cs-123", UserName = "u@x.test", Password = "pw-456" };

        options.ToString().Should().NotContain("cs-123").And.NotContain("pw-456");
    }
}

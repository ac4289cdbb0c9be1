using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clients.Optimum.Tests;

public sealed class OptimumOptionsTests
{
    private static Action StartupWith(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddOptimumClients(configuration.GetSection("Optimum"));
        var provider = services.BuildServiceProvider();

        // What the generic host runs at start for ValidateOnStart.
        return () => provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Fact]
    public void A_missing_client_id_fails_at_start_naming_the_setting()
    {
        var start = StartupWith(new()
        {
            ["Optimum:Environment"] = "PreProduction",
            ["Optimum:ClientSecret"] = "s3cr3t-value",
        });

        start.Should().Throw<OptionsValidationException>()
            .Which.Message.Should().Contain("Optimum:ClientId").And.NotContain("s3cr3t-value");
    }

    [Fact]
    public void Missing_urls_and_environment_fail_at_start_naming_the_settings()
    {
        var start = StartupWith(new()
        {
            ["Optimum:ClientId"] = "id",
            ["Optimum:ClientSecret"] = "secret",
        });

        var message = start.Should().Throw<OptionsValidationException>().Which.Message;
        message.Should().Contain("Optimum:ApiBaseUrl").And.Contain("Optimum:TokenUrl").And.Contain("Optimum:Environment");
    }

    [Fact]
    public void A_missing_secret_names_the_setting_of_a_nested_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Providers:Optimum:Environment"] = "Production",
            ["Providers:Optimum:ClientId"] = "id",
        }).Build();
        var services = new ServiceCollection();
        services.AddOptimumClients(configuration.GetSection("Providers:Optimum"));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IStartupValidator>().Validate();

        act.Should().Throw<OptionsValidationException>().Which.Message.Should().Contain("Providers:Optimum:ClientSecret");
    }

    [Fact]
    public void Valid_options_pass()
    {
        var start = StartupWith(new()
        {
            ["Optimum:Environment"] = "Production",
            ["Optimum:ClientId"] = "id",
            ["Optimum:ClientSecret"] = "secret",
        });

        start.Should().NotThrow();
    }

    [Theory]
    [InlineData(OptimumEnvironment.Production, "https://public-api.optimum-automotive.com/", "https://identityserver.optimum-automotive.com/connect/token")]
    [InlineData(OptimumEnvironment.PreProduction, "https://apicore-preprod.optimum-automotive.com/", "https://identityserver-preprod.optimum-automotive.com/connect/token")]
    public void The_environment_chooses_the_published_urls(OptimumEnvironment environment, string api, string token)
    {
        var options = new OptimumOptions { Environment = environment };

        options.ResolveApiBaseUrl().Should().Be(new Uri(api));
        options.ResolveTokenUrl().Should().Be(new Uri(token));
    }

    [Fact]
    public void Explicit_urls_win_over_the_environment_and_ToString_hides_the_secret()
    {
        var options = new OptimumOptions
        {
            Environment = OptimumEnvironment.Production,
            ApiBaseUrl = new Uri("http://127.0.0.1:5000/"),
            TokenUrl = new Uri("http://127.0.0.1:5001/connect/token"),
            ClientId = "id",
            ClientSecret = "top-secret",
        };

        options.ResolveApiBaseUrl().Should().Be(new Uri("http://127.0.0.1:5000/"));
        options.ResolveTokenUrl().Should().Be(new Uri("http://127.0.0.1:5001/connect/token"));
        options.ToString().Should().NotContain("top-secret");
    }
}

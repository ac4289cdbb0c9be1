using Clients.Sandbox.Ovh;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Ovh.Tests.EndToEnd;

/// <summary>The generated <c>AddOvhClients</c> and interfaces, configured from configuration, against the emulator.</summary>
public sealed class OvhGeneratedClientsEndToEndTests
{
    private static ServiceProvider Build(OvhSandbox sandbox, string consumerKey)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ovh:BaseUrl"] = sandbox.BaseUri.ToString(),
            ["Ovh:ApplicationKey"] = sandbox.ApplicationKey,
            ["Ovh:ApplicationSecret"] = sandbox.ApplicationSecret,
            ["Ovh:ConsumerKey"] = consumerKey,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOvhClients(configuration.GetSection("Ovh"));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    [Fact]
    public async Task Encoded_path_through_the_generated_ip_interface_verifies_on_the_emulator()
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());
        await using var services = Build(sandbox, sandbox.CreateConsumerKey(
            OvhAccessRules.For<IOvhIpApi>().Select(r => new OvhSandboxAccessRule(r.Method, r.Path))));

        var reverses = await services.GetRequiredService<IOvhIpApi>().ListIpReverseAsync("1.2.3.4/29");

        reverses.Should().NotBeNull();
        sandbox.GetRequestCount("/1.0/ip/1.2.3.4%2F29/reverse").Should().Be(1);
    }

    [Fact]
    public async Task Generated_registration_serves_provider_and_consumer_interfaces_with_the_default_key()
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());
        await using var services = Build(sandbox, sandbox.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/me")]));

        (await services.GetRequiredService<IOvhMeApi>().GetMeAsync()).Nichandle.Should().Be(sandbox.DefaultCustomer.Nichandle);
        (await services.GetRequiredService<ISandboxMeApi>().GetMeAsync()).Nichandle.Should().Be(sandbox.DefaultCustomer.Nichandle);
        services.GetRequiredService<OvhCredentialClient>().Should().NotBeNull();
    }

    [Fact]
    public async Task V2_operations_go_to_the_v2_root_and_are_signed()
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());
        await using var services = Build(sandbox, sandbox.CreateConsumerKey(
            OvhAccessRules.For<IOvhV2IamApi>().Select(r => new OvhSandboxAccessRule(r.Method, r.Path))));

        var act = () => services.GetRequiredService<IOvhV2IamApi>().ListIamPolicyAsync();

        await act.Should().NotThrowAsync();
        sandbox.GetRequestCount("/v2/iam/policy").Should().Be(1);
    }
}

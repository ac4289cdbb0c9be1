using Clients.Optimum;
using Clients.Sandbox.Optimum;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Generator.Tests.EndToEnd;

/// <summary>The generated <c>AddOptimumClients</c> of the real Clients.Optimum package, against the Optimum sandbox.</summary>
public sealed class RealProviderEndToEndTests
{
    [Fact]
    public async Task AddOptimumClients_resolves_IOptimumVehiclesApi_and_a_call_goes_through_the_token_chain()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Optimum:ApiBaseUrl"] = sandbox.BaseUri.ToString(),
            ["Optimum:TokenUrl"] = sandbox.TokenUrl.ToString(),
            ["Optimum:ClientId"] = sandbox.ClientId,
            ["Optimum:ClientSecret"] = sandbox.ClientSecret,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();

        var builder = services.AddOptimumClients(configuration.GetSection("Optimum"));
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        builder.Clients.Select(c => c.Name).Should().Contain(Core.ClientProviderBuilder.ClientName(typeof(IOptimumVehiclesApi)));
        var vehicles = await provider.GetRequiredService<IOptimumVehiclesApi>().GetVehiclesAsync();

        vehicles.Should().NotBeEmpty();
        sandbox.TokenRequests.Should().Be(1, "the sandbox refuses API calls without a bearer token, so the call went through the token handler");
        sandbox.ApiCalls.Should().Be(1);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clients.Generator.Tests.EndToEnd;

/// <summary>
/// The generator ran on this test project (it is referenced as an analyzer), so <c>AddLoopbackClients</c> below is
/// real generated code; the calls go over HTTP to Kestrel on loopback through the provider's auth handler.
/// </summary>
public sealed class EndToEndTests(LoopbackServer server) : IClassFixture<LoopbackServer>
{
    [Fact]
    public async Task AddLoopbackClients_resolves_every_marked_interface_and_calls_go_through_the_auth_chain()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Loopback:BaseAddress"] = server.BaseAddress.ToString(),
            ["Loopback:Token"] = "token-from-config",
        }).Build();
        var services = new ServiceCollection();

        var builder = services.AddLoopbackClients(configuration.GetSection("Loopback"));
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        builder.ProviderName.Should().Be("Loopback");
        var echo = await provider.GetRequiredService<ILoopbackEchoApi>().EchoAsync("abc");
        echo.Should().Be(new EchoResponse("abc", "Bearer token-from-config"));
        (await provider.GetRequiredService<ILoopbackStatusApi>().GetStatusAsync()).Should().Be("up");
    }

    [Fact]
    public async Task The_builder_configures_all_clients_and_the_auth_handler_stays_innermost()
    {
        var seenByOuterHandler = new List<string?>();
        var services = new ServiceCollection();

        services.AddLoopbackClients(o =>
            {
                o.BaseAddress = server.BaseAddress;
                o.Token = "token-from-code";
            })
            .ConfigureHttpClients(b => b.AddHttpMessageHandler(() => new RecordingHandler(seenByOuterHandler)));
        await using var provider = services.BuildServiceProvider();

        var echo = await provider.GetRequiredService<ILoopbackEchoApi>().EchoAsync("x");
        await provider.GetRequiredService<ILoopbackStatusApi>().GetStatusAsync();

        echo.Authorization.Should().Be("Bearer token-from-code");
        seenByOuterHandler.Should().Equal([null, null], "the consumer's handler runs outside the auth handler, for both clients");
    }

    [Fact]
    public async Task A_per_interface_registration_registers_only_that_interface()
    {
        var services = new ServiceCollection();

        services.AddLoopbackEchoApi(o =>
        {
            o.BaseAddress = server.BaseAddress;
            o.Token = "t";
        });
        await using var provider = services.BuildServiceProvider();

        (await provider.GetRequiredService<ILoopbackEchoApi>().EchoAsync("1")).Authorization.Should().Be("Bearer t");
        provider.GetService<ILoopbackStatusApi>().Should().BeNull();
    }

    [Fact]
    public async Task Options_are_validated_at_start()
    {
        var services = new ServiceCollection();
        services.AddLoopbackClients(_ => { });
        await using var provider = services.BuildServiceProvider();

        await FluentActions.Invoking(() => { provider.GetRequiredService<IStartupValidator>().Validate(); return Task.CompletedTask; })
            .Should().ThrowAsync<OptionsValidationException>().WithMessage("*BaseAddress is required*");
    }

    private sealed class RecordingHandler(List<string?> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.Headers.Authorization?.ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }
}

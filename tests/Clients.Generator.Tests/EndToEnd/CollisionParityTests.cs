using Clients.Ovh;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Clients.Generator.Tests.EndToEnd;

/// <summary>
/// An interface whose parameters and methods are named after everything the generated implementation declares or spells
/// (<see cref="ILoopbackCollisionApi"/>): the generator implements it (this project compiles that implementation with
/// warnings as errors), and every method puts the same request on the wire and ends the same way as Refit's stub for
/// each of <see cref="GeneratedClientParity"/>'s endings.
/// </summary>
public sealed class CollisionParityTests
{
    [Fact]
    public async Task Parameters_named_like_the_implementations_own_names_send_what_Refits_stub_sends()
    {
        var services = new ServiceCollection();
        services.AddLoopbackClients(o => o.BaseAddress = GeneratedClientParity.BaseAddress);
        // The providers' settings (Clients.Core's URL formatter, not Refit's default): the shape the generator implements.
        services.AddOvhClients(o =>
        {
            o.BaseUrl = GeneratedClientParity.BaseAddress;
            o.ApplicationKey = "parity-ak";
            o.ApplicationSecret = "parity-as";
            o.ConsumerKey = "parity-ck";
        });
        await using var provider = services.BuildServiceProvider();
        var implementation = provider.GetRequiredService<ILoopbackCollisionApi>().GetType();
        var settings = provider.GetRequiredKeyedService<RefitSettings>("Ovh");

        var result = await GeneratedClientParity.CompareAsync(typeof(ILoopbackCollisionApi), implementation, settings);

        implementation.Namespace.Should().Be("Clients.Generated", "the Clients generator implements the interface, not Refit's stub");
        result.Methods.Should().Be(5);
        result.Compared.Should().Be(result.Methods * GeneratedClientParity.Endings);
        result.Mismatches.Should().BeEmpty();
    }
}

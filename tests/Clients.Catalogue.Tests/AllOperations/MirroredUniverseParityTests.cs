using System.Diagnostics;
using Clients.Generator.Tests.EndToEnd;
using Clients.Ovh;
using Microsoft.Extensions.DependencyInjection;
using Refit;
using Xunit.Abstractions;

namespace Clients.Catalogue.Tests.AllOperations;

/// <summary>
/// The generator's implementations of every mirrored OVH universe (22 interfaces, 1,932 methods, compiled as a
/// consumer's own interfaces are) against Refit's stubs for the same interfaces in the same assembly: the same request
/// on the wire and the same ending, for every method and each of <see cref="GeneratedClientParity"/>'s six endings.
/// </summary>
public sealed class MirroredUniverseParityTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_generated_implementation_of_every_mirrored_OVH_universe_behaves_as_Refits_stub()
    {
        var clock = Stopwatch.StartNew();
        var mirror = GeneratedClientAssembly.OvhMirror;
        var interfaces = AllOperationsSweepTests.Marked<OvhApiAttribute>(mirror.Assembly);
        var services = new ServiceCollection();
        services.AddOvhClients(o =>
        {
            o.BaseUrl = GeneratedClientParity.BaseAddress;
            o.ApplicationKey = "parity-ak";
            o.ApplicationSecret = "parity-as";
            o.ConsumerKey = "parity-ck";
        });
        await using var provider = services.BuildServiceProvider();
        var settings = provider.GetRequiredKeyedService<RefitSettings>("Ovh");

        var methods = 0;
        var compared = 0;
        var mismatches = new List<string>();
        foreach (var api in interfaces)
        {
            var implementation = provider.GetRequiredService(api).GetType();
            implementation.Namespace.Should().Be("Clients.Generated", $"{api.Name} is implemented by the Clients generator");
            var result = await GeneratedClientParity.CompareAsync(api, implementation, settings);
            methods += result.Methods;
            compared += result.Compared;
            mismatches.AddRange(result.Mismatches);
        }

        output.WriteLine($"{interfaces.Count} interfaces, {methods} methods, {compared} calls compared with Refit's stubs, {mismatches.Count} differences, {clock.Elapsed.TotalSeconds:0.0} s");
        interfaces.Should().HaveCount(22);
        methods.Should().Be(1932);
        compared.Should().Be(methods * GeneratedClientParity.Endings);
        mismatches.Should().BeEmpty();
    }
}

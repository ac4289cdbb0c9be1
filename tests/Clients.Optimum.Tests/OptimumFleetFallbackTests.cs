using System.Net;
using System.Net.Sockets;
using Clients.Sandbox.Optimum;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Optimum.Tests;

/// <summary>
/// <c>AddClientsFleetTokens</c> with no Redis listening (the fleet test in tests/Clients.FleetTests covers a real one):
/// calls keep working on the process's own single-flight.
/// </summary>
public sealed class OptimumFleetFallbackTests
{
    [Fact]
    public async Task With_the_fleet_Redis_unreachable_calls_succeed_with_one_token_request_per_process()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var deadPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // nothing listens there now
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox, configure: b => b.Services.AddClientsFleetTokens($"127.0.0.1:{deadPort}", o => o.OperationTimeout = TimeSpan.FromMilliseconds(300)));
        var api = host.Get<IOptimumVehiclesApi>();

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => api.GetVehiclesAsync())));

        results.Should().OnlyContain(r => r.Count == 3);
        sandbox.TokenRequests.Should().Be(1);
        host.AllLogText().Should().Contain("fleet's Redis is unavailable");
    }
}

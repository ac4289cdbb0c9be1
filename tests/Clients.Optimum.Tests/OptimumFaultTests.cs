using Clients.Sandbox.Optimum;
using Microsoft.Extensions.Time.Testing;

namespace Clients.Optimum.Tests;

public sealed class OptimumFaultTests
{
    [Fact]
    public async Task A_slow_token_endpoint_serves_all_waiters_with_one_request_and_a_cancelled_waiter_does_not_cancel_it()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox);
        var api = host.Get<IOptimumVehiclesApi>();
        sandbox.TokenEndpointDelay = TimeSpan.FromMilliseconds(500);

        using var impatient = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        var cancelled = api.GetVehiclesAsync(impatient.Token);
        var patient = Enumerable.Range(0, 20).Select(_ => api.GetVehiclesAsync()).ToArray();

        await FluentActions.Awaiting(() => cancelled).Should().ThrowAsync<OperationCanceledException>();
        (await Task.WhenAll(patient)).Should().OnlyContain(v => v.Count == 3);
        sandbox.TokenRequests.Should().Be(1);
    }

    [Fact]
    public async Task A_token_the_server_expires_earlier_than_announced_is_renewed_once_on_the_401()
    {
        var serverClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await OptimumSandbox.StartAsync(new OptimumSandboxOptions { TimeProvider = serverClock });
        await using var host = OptimumTestHost.Create(sandbox);
        var api = host.Get<IOptimumVehiclesApi>();
        await api.GetVehiclesAsync();

        serverClock.Advance(TimeSpan.FromHours(2)); // the server now considers the token expired; the client does not
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => api.GetVehiclesAsync())));

        results.Should().HaveCount(50);
        sandbox.TokenRequests.Should().Be(2);
    }

    [Fact]
    public async Task A_short_server_lifetime_is_followed_by_the_client()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox, clock);
        var api = host.Get<IOptimumVehiclesApi>();
        sandbox.TokenLifetime = TimeSpan.FromSeconds(120); // shorter than the 5-minute buffer: half the life is used

        await api.GetVehiclesAsync();
        clock.Advance(TimeSpan.FromSeconds(59));
        await api.GetVehiclesAsync();
        sandbox.TokenRequests.Should().Be(1);

        clock.Advance(TimeSpan.FromSeconds(1));
        await api.GetVehiclesAsync();
        sandbox.TokenRequests.Should().Be(2);
    }
}

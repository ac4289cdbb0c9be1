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
        await Eventually.EqualAsync(() => sandbox.TokenRequests, 2);
    }

    [Fact]
    public async Task A_token_endpoint_outage_inside_the_buffer_fails_no_call_and_after_expiry_says_unavailable()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var sandbox = await OptimumSandbox.StartAsync(new OptimumSandboxOptions { TimeProvider = clock });
        await using var host = OptimumTestHost.Create(sandbox, clock);
        var api = host.Get<IOptimumVehiclesApi>();
        await api.GetVehiclesAsync();

        sandbox.TokenEndpointDown = true;
        clock.Advance(TimeSpan.FromMinutes(56)); // inside the 5-minute buffer: the token is still valid for 4 minutes
        for (var i = 0; i < 5; i++)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => api.GetVehiclesAsync())));
            results.Should().OnlyContain(r => r.Count == 3);
            await Eventually.EqualAsync(() => sandbox.TokenRequests, 1 + (3 * (i + 1))); // one renewal (1 + 2 retries) per backoff step
            await Task.Delay(300); // let the failed renewal record its backoff before the clock moves past it
            clock.Advance(TimeSpan.FromSeconds(30));
        }

        clock.Advance(TimeSpan.FromMinutes(2)); // now expired: callers wait for the endpoint and get its error
        var act = () => api.GetVehiclesAsync();
        var error = (await act.Should().ThrowAsync<Clients.Core.OAuth2.OAuth2Exception>()).Which;
        error.IsUnavailable.Should().BeTrue();
        error.Message.Should().Contain("is unavailable").And.NotContain("refused");

        sandbox.TokenEndpointDown = false;
        (await api.GetVehiclesAsync()).Should().HaveCount(3);
    }
}

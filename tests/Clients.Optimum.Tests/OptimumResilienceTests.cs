using System.Net;
using Clients.Core.Resilience;
using Clients.Sandbox.Optimum;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Optimum.Tests;

/// <summary><c>AddResilience()</c> over loopback against the Optimum emulator's fault knobs.</summary>
public sealed class OptimumResilienceTests
{
    [Fact]
    public async Task Idempotent_calls_are_retried_through_resets_and_503s_and_each_attempt_carries_the_token()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox, configure: b => b.AddResilience(o => o.BaseDelay = TimeSpan.FromMilliseconds(1)));
        var api = host.Get<IOptimumVehiclesApi>();
        await api.GetVehiclesAsync();
        sandbox.ResetCounters();

        sandbox.Faults.FailNext(0, 1);
        (await api.GetVehiclesAsync()).Should().HaveCount(3);
        sandbox.Faults.FailNext(503, 2);
        (await api.GetVehiclesAsync()).Should().HaveCount(3);

        sandbox.Faults.Resets.Should().Be(1);
        sandbox.Faults.ServiceUnavailable.Should().Be(2);
        sandbox.ApiCalls.Should().Be(2, "faulted attempts never reach the API; the retries that do carry a valid token");
        sandbox.TokenRequests.Should().Be(0);
    }

    [Fact]
    public async Task A_POST_is_not_retried_unless_the_caller_opts_in()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox, configure: b => b.AddResilience(o => o.BaseDelay = TimeSpan.FromMilliseconds(1)));
        var echo = host.Get<ITestEchoApi>();
        var vehicle = new TestVehicle { RegistrationNumber = "ZZ-999-ZZ", Status = "IN_FLEET" };

        sandbox.Faults.FailNext(503, 1);
        var act = () => echo.EchoAsync(vehicle);
        (await act.Should().ThrowAsync<OptimumApiException>()).Which.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        sandbox.Faults.ServiceUnavailable.Should().Be(1);

        sandbox.Faults.FailNext(503, 1);
        (await echo.EchoWithRetryAsync(vehicle, allowRetry: true)).RegistrationNumber.Should().Be("ZZ-999-ZZ");
        sandbox.Faults.ServiceUnavailable.Should().Be(2);
        sandbox.ReceivedBodies.Should().ContainSingle().Which.Should().Contain("ZZ-999-ZZ");
    }

    [Fact]
    public async Task The_rate_limit_is_waited_out_with_Retry_After_and_no_caller_fails()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox, configure: b => b.AddResilience());
        var api = host.Get<IOptimumVehiclesApi>();
        await api.GetVehiclesAsync();
        sandbox.RateLimit = 10;
        sandbox.RateLimitWindow = TimeSpan.FromSeconds(1);
        var started = DateTimeOffset.UtcNow;

        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Task.Run(() => api.GetVehiclesAsync())));

        results.Should().OnlyContain(r => r.Count == 3);
        sandbox.ApiCalls.Should().BeGreaterThan(31, "some calls were answered 429 and retried after Retry-After");
        (DateTimeOffset.UtcNow - started).Should().BeGreaterThan(TimeSpan.FromSeconds(1), "30 calls at 10 per second need at least two more windows");
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_caller_can_wait_is_returned_at_once()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox, configure: b => b.AddResilience(o => o.MaxRetryAfter = TimeSpan.FromSeconds(5)));
        var api = host.Get<IOptimumVehiclesApi>();
        await api.GetVehiclesAsync();
        sandbox.RateLimit = 0; // every call refused with 429, Retry-After = the rest of the one-minute window
        sandbox.ResetCounters();

        var act = () => api.GetVehiclesAsync();

        (await act.Should().ThrowAsync<OptimumApiException>()).Which.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        sandbox.ApiCalls.Should().Be(1);
    }

    [Fact]
    public async Task The_breaker_stays_closed_at_an_8_percent_fault_rate()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox, configure: b => b.AddResilience(o => o.BaseDelay = TimeSpan.FromMilliseconds(1)));
        var api = host.Get<IOptimumVehiclesApi>();
        sandbox.Faults.ResetRate = 0.02;
        sandbox.Faults.ServiceUnavailableRate = 0.06;

        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 600), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
        {
            try
            {
                await api.GetVehiclesAsync(ct);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failures);
            }
        });

        failures.Should().Be(0);
        (sandbox.Faults.Resets + sandbox.Faults.ServiceUnavailable).Should().BeGreaterThan(10);
    }

    [Fact]
    public void Settings_out_of_range_are_named()
    {
        var services = new ServiceCollection();
        var builder = services.AddOptimumClients(o => o.ClientId = "x");

        var act = () => builder.AddResilience(o => o.BreakerFailureRatio = 0);

        act.Should().Throw<ArgumentException>().WithMessage("*Optimum resilience: BreakerFailureRatio*");
    }
}

using Clients.Core;
using Clients.Core.Resilience;
using Clients.Sandbox;
using Clients.Sandbox.Optimum;
using Refit;

namespace Clients.Optimum.Tests;

/// <summary>
/// The shipped fault injector (<c>AddSandboxFaults</c>) used as a consumer would, below <c>AddResilience()</c>, against
/// the Optimum sandbox: bodies cut or stalled halfway are retried inside the pipeline; an HTML page is a typed error.
/// </summary>
public sealed class SandboxFaultInjectorTests
{
    [Fact]
    public async Task A_body_dropped_halfway_is_retried_and_the_call_succeeds()
    {
        var counters = new SandboxFaultCounters();
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = Create(sandbox, f => { f.MidBodyDropRate = 1; f.MaxFaults = 2; f.Counters = counters; });

        (await host.Get<IOptimumVehiclesApi>().GetVehiclesAsync()).Should().HaveCount(3);

        counters.MidBodyDrops.Should().Be(2);
        counters.Requests.Should().Be(3);
    }

    [Fact]
    public async Task A_truncated_chunked_body_is_retried_on_a_hand_written_interface_too()
    {
        var counters = new SandboxFaultCounters();
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = Create(sandbox, f => { f.TruncatedChunkedRate = 1; f.MaxFaults = 1; f.Counters = counters; });
        var vehicle = new TestVehicle { RegistrationNumber = "ZZ-999-ZZ", Status = "IN_FLEET" };

        // Refit's stub (a consumer's own [OptimumApi] interface), a POST the caller marks as safe to repeat.
        var echoed = await host.Get<ITestEchoApi>().EchoWithRetryAsync(vehicle, allowRetry: true);

        echoed.RegistrationNumber.Should().Be("ZZ-999-ZZ");
        counters.TruncatedChunked.Should().Be(1);
    }

    [Fact]
    public async Task Drops_that_outlast_the_retries_surface_as_the_transport_exception_not_a_deserialization_error()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = Create(sandbox, f => f.MidBodyDropRate = 1, r => r.MaxRetryAttempts = 2);

        var act = () => host.Get<IOptimumVehiclesApi>().GetVehiclesAsync();

        var thrown = (await act.Should().ThrowAsync<ApiRequestException>()).Which;
        thrown.Should().NotBeOfType<ApiException>();
        thrown.InnerException.Should().BeOfType<HttpRequestException>()
            .Which.InnerException.Should().BeAssignableTo<IOException>();
    }

    [Fact]
    public async Task A_stalled_body_is_bounded_by_the_attempt_timeout_then_retried()
    {
        var faults = new SandboxFaultOptions { StallRate = 1, MaxFaults = 1, StallDuration = TimeSpan.FromSeconds(90), Enabled = false };
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox, configure: b => b
            .AddResilience(r => { r.BaseDelay = TimeSpan.FromMilliseconds(1); r.AttemptTimeout = TimeSpan.FromSeconds(1); })
            .ConfigureHttpClients(c => c.AddSandboxFaults(faults)));
        var api = host.Get<IOptimumVehiclesApi>();
        await api.GetVehiclesAsync(); // the token fetched and the code warm before the one-second attempts are timed
        faults.Enabled = true;
        var started = TimeProvider.System.GetTimestamp();

        (await api.GetVehiclesAsync()).Should().HaveCount(3);

        faults.Counters.Stalls.Should().Be(1);
        faults.Counters.Requests.Should().Be(3, "the warm-up, the stalled attempt, its retry");
        TimeProvider.System.GetElapsedTime(started).Should().BeLessThan(TimeSpan.FromSeconds(30), "the stall lasts 90 s; the attempt timeout cut it");
    }

    [Fact]
    public async Task A_200_carrying_an_HTML_page_is_a_typed_error_that_says_so_and_is_not_retried()
    {
        var counters = new SandboxFaultCounters();
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = Create(sandbox, f => { f.HtmlPageRate = 1; f.Counters = counters; });

        var act = () => host.Get<IOptimumVehiclesApi>().GetVehiclesAsync();

        var thrown = (await act.Should().ThrowAsync<OptimumApiException>()).Which;
        thrown.IsHtmlPage.Should().BeTrue();
        thrown.Message.Should().Contain("an HTML page came back instead of JSON");
        counters.HtmlPages.Should().Be(1);
    }

    [Fact]
    public async Task A_method_returning_a_stream_keeps_streaming_and_sees_the_drop_itself()
    {
        var counters = new SandboxFaultCounters();
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = Create(sandbox, f => { f.MidBodyDropRate = 1; f.MaxFaults = 1; f.Counters = counters; }, add: b => b.AddClient<ITestStreamApi>());

        var stream = await host.Get<ITestStreamApi>().GetVehiclesStreamAsync();
        await using (stream)
        {
            var read = () => new StreamReader(stream).ReadToEndAsync();
            await read.Should().ThrowAsync<IOException>();
        }

        counters.MidBodyDrops.Should().Be(1);
        counters.Requests.Should().Be(1, "the body of a streamed call is the caller's: not read, not retried by the pipeline");
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_faults()
    {
        async Task<string> RunAsync()
        {
            var counters = new SandboxFaultCounters();
            await using var sandbox = await OptimumSandbox.StartAsync();
            await using var host = Create(sandbox, f =>
            {
                f.Seed = 42;
                f.ResetRate = 0.1;
                f.ServiceUnavailableRate = 0.1;
                f.MidBodyDropRate = 0.1;
                f.TruncatedChunkedRate = 0.1;
                f.Counters = counters;
            });
            var api = host.Get<IOptimumVehiclesApi>();
            for (var i = 0; i < 20; i++)
            {
                await api.GetVehiclesAsync();
            }

            return counters.ToString();
        }

        var first = await RunAsync();
        first.Should().NotContain(" 0 resets").And.Be(await RunAsync());
    }

    private static OptimumTestHost Create(
        OptimumSandbox sandbox,
        Action<SandboxFaultOptions> faults,
        Action<ClientsResilienceOptions>? resilience = null,
        Action<ClientProviderBuilder>? add = null) =>
        OptimumTestHost.Create(sandbox, configure: b =>
        {
            add?.Invoke(b);
            b.AddResilience(r =>
            {
                r.BaseDelay = TimeSpan.FromMilliseconds(1);
                resilience?.Invoke(r);
            });
            b.ConfigureHttpClients(c => c.AddSandboxFaults(faults));
        });
}

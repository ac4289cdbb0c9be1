using Clients.Sandbox.Ovh;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clients.Ovh.Tests.EndToEnd;

/// <summary>Waiting for a customer's validation: polling with backoff on the injected <see cref="TimeProvider"/>.</summary>
public sealed class OvhCredentialWaitTests
{
    [Fact]
    public async Task Waiting_for_a_key_nobody_validates_times_out_on_the_fake_clock_after_backing_off()
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = SandboxHost.Services(sandbox, s => s.AddSingleton<TimeProvider>(clock));
        var credentials = services.GetRequiredService<OvhCredentialClient>();
        var pending = await credentials.RequestConsumerKeyAsync(OvhAccessRules.For<ISandboxMeApi>());
        var polling = new OvhValidationPolling { InitialDelay = TimeSpan.FromSeconds(2), BackoffFactor = 2, MaxDelay = TimeSpan.FromSeconds(8), Timeout = TimeSpan.FromSeconds(30) };

        var wait = credentials.WaitForValidationAsync(pending.ConsumerKey, polling);
        for (var i = 0; i < 400 && !wait.IsCompleted; i++)
        {
            await Task.Delay(10);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        await wait.Awaiting(w => w).Should().ThrowAsync<TimeoutException>().WithMessage("*not validated within*");
        // Backoff 2, 4, 8, 8 s within a 30 s budget: about 5-6 checks (the fake clock also moves while a check is in
        // flight, so the exact count can vary by one); without backoff it would be 15.
        sandbox.GetRequestCount("/1.0/auth/currentCredential").Should().BeInRange(4, 6);
    }

    [Fact]
    public async Task Waiting_returns_as_soon_as_the_customer_validates()
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = SandboxHost.Services(sandbox, s => s.AddSingleton<TimeProvider>(clock));
        var credentials = services.GetRequiredService<OvhCredentialClient>();
        var pending = await credentials.RequestConsumerKeyAsync(OvhAccessRules.For<ISandboxMeApi>());

        var wait = credentials.WaitForValidationAsync(pending.ConsumerKey);
        await Task.Delay(50);
        wait.IsCompleted.Should().BeFalse();
        sandbox.ValidateConsumerKey(pending.ConsumerKey);
        for (var i = 0; i < 400 && !wait.IsCompleted; i++)
        {
            await Task.Delay(10);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        (await wait).Status.Should().Be(OvhCredentialState.Validated);
    }
}

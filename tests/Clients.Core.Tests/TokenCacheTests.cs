using Clients.Core.OAuth2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Clients.Core.Tests;

public sealed class TokenCacheTests
{
    private static readonly TokenCacheKey Key = new("Test", new Uri("https://idp.example/token"), "client-1");

    private static (TokenCache Cache, FakeTimeProvider Clock, ServiceProvider Services) Create()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddClientsTokenManagement().BuildServiceProvider();
        return (services.GetRequiredService<TokenCache>(), clock, services);
    }

    private static Func<AccessToken?, CancellationToken, Task<AccessToken>> Counting(FakeTimeProvider clock, Func<int> next, TimeSpan lifetime, TimeSpan? delay = null) =>
        async (previous, ct) =>
        {
            var n = next();
            await Task.Delay(delay ?? TimeSpan.FromMilliseconds(20), ct);
            return AccessToken.FromResponse(new OAuth2Token("token-" + n, "Bearer", lifetime, "refresh-" + n, null, clock.GetUtcNow()), TimeSpan.FromSeconds(30));
        };

    [Fact]
    public async Task Concurrent_callers_with_a_cold_cache_cause_one_acquisition()
    {
        var (cache, clock, services) = Create();
        await using var _ = services;
        var count = 0;
        var acquire = Counting(clock, () => Interlocked.Increment(ref count), TimeSpan.FromHours(1));

        var tokens = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => Task.Run(async () => await cache.GetTokenAsync(Key, acquire))));

        count.Should().Be(1);
        tokens.Select(t => t.Value).Distinct().Should().ContainSingle().Which.Should().Be("token-1");
    }

    [Fact]
    public async Task Expiry_on_the_injected_clock_causes_exactly_one_more_acquisition_under_concurrency()
    {
        var (cache, clock, services) = Create();
        await using var _ = services;
        var count = 0;
        var acquire = Counting(clock, () => Interlocked.Increment(ref count), TimeSpan.FromHours(1));
        await cache.GetTokenAsync(Key, acquire);

        clock.Advance(TimeSpan.FromMinutes(60));
        var tokens = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => Task.Run(async () => await cache.GetTokenAsync(Key, acquire))));

        count.Should().Be(2);
        tokens.Select(t => t.Value).Distinct().Should().ContainSingle().Which.Should().Be("token-2");
    }

    [Fact]
    public async Task Inside_the_buffer_the_current_token_is_served_while_one_background_renewal_runs()
    {
        var (cache, clock, services) = Create();
        await using var _ = services;
        var count = 0;
        var acquire = Counting(clock, () => Interlocked.Increment(ref count), TimeSpan.FromMinutes(10));
        var first = await cache.GetTokenAsync(Key, acquire);

        first.RenewAt.Should().Be(clock.GetUtcNow() + TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(30));
        first.ExpiresAt.Should().Be(clock.GetUtcNow() + TimeSpan.FromMinutes(10));
        clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(29));
        (await cache.GetTokenAsync(Key, acquire)).Value.Should().Be("token-1");
        count.Should().Be(1);

        clock.Advance(TimeSpan.FromSeconds(1));
        var during = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => cache.GetTokenAsync(Key, acquire).AsTask()));
        during.Should().OnlyContain(t => t.Value == "token-1");
        await WaitUntilAsync(async () => (await cache.GetTokenAsync(Key, acquire)).Value == "token-2");
        count.Should().Be(2);
    }

    [Fact]
    public async Task A_slow_renewal_inside_the_buffer_never_delays_a_call()
    {
        var (cache, clock, services) = Create();
        await using var _ = services;
        var release = new TaskCompletionSource();
        var calls = 0;
        Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire = async (_, _) =>
        {
            if (Interlocked.Increment(ref calls) > 1)
            {
                await release.Task; // the renewal hangs until the test lets it go
            }

            return AccessToken.FromResponse(new OAuth2Token("token-" + calls, "Bearer", TimeSpan.FromMinutes(10), null, null, clock.GetUtcNow()), TimeSpan.FromMinutes(1));
        };
        await cache.GetTokenAsync(Key, acquire);
        clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(30));

        for (var i = 0; i < 100; i++)
        {
            var call = cache.GetTokenAsync(Key, acquire);
            call.IsCompletedSuccessfully.Should().BeTrue("a valid token is returned synchronously, whatever the renewal does");
            (await call).Value.Should().Be("token-1");
        }

        await WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref calls) == 2));
        await Task.Delay(50);
        calls.Should().Be(2, "one background renewal, not one per call");
        release.SetResult();
        await WaitUntilAsync(async () => (await cache.GetTokenAsync(Key, acquire)).Value == "token-2");
    }

    [Fact]
    public async Task A_failed_background_renewal_never_fails_a_call_and_is_retried_with_backoff()
    {
        var (cache, clock, services) = Create();
        await using var _ = services;
        var calls = 0;
        var failing = true;
        Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire = (_, _) =>
        {
            var n = Interlocked.Increment(ref calls);
            return n > 1 && Volatile.Read(ref failing)
                ? Task.FromException<AccessToken>(new OAuth2Exception(OAuth2ErrorCodes.TokenEndpointUnavailable, null, System.Net.HttpStatusCode.ServiceUnavailable, null, "down"))
                : Task.FromResult(AccessToken.FromResponse(new OAuth2Token("token-" + n, "Bearer", TimeSpan.FromMinutes(10), null, null, clock.GetUtcNow()), TimeSpan.FromMinutes(2)));
        };
        await cache.GetTokenAsync(Key, acquire);
        clock.Advance(TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(1));

        (await cache.GetTokenAsync(Key, acquire)).Value.Should().Be("token-1");
        await WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref calls) == 2));
        await Task.Delay(50);
        for (var i = 0; i < 50; i++)
        {
            (await cache.GetTokenAsync(Key, acquire)).Value.Should().Be("token-1");
        }

        calls.Should().Be(2, "the next attempt waits for its backoff (1 s on the injected clock)");
        clock.Advance(TimeSpan.FromSeconds(1));
        (await cache.GetTokenAsync(Key, acquire)).Value.Should().Be("token-1");
        await WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref calls) == 3));

        Volatile.Write(ref failing, false);
        clock.Advance(TimeSpan.FromSeconds(2));
        (await cache.GetTokenAsync(Key, acquire)).Value.Should().Be("token-1");
        await WaitUntilAsync(async () => (await cache.GetTokenAsync(Key, acquire)).Value == "token-4");
    }

    [Fact]
    public async Task Once_expired_callers_wait_for_the_token_endpoint_and_get_its_error()
    {
        var (cache, clock, services) = Create();
        await using var _ = services;
        var calls = 0;
        Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire = (_, _) =>
            Interlocked.Increment(ref calls) > 1
                ? Task.FromException<AccessToken>(new OAuth2Exception(OAuth2ErrorCodes.TokenEndpointUnavailable, null, System.Net.HttpStatusCode.ServiceUnavailable, null, "down"))
                : Task.FromResult(AccessToken.FromResponse(new OAuth2Token("token-1", "Bearer", TimeSpan.FromMinutes(10), null, null, clock.GetUtcNow()), TimeSpan.FromMinutes(1)));
        await cache.GetTokenAsync(Key, acquire);
        clock.Advance(TimeSpan.FromMinutes(10));

        var act = async () => await cache.GetTokenAsync(Key, acquire);
        (await act.Should().ThrowAsync<OAuth2Exception>()).Which.IsUnavailable.Should().BeTrue();
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 500 && !await condition(); i++)
        {
            await Task.Delay(10);
        }

        (await condition()).Should().BeTrue();
    }

    [Fact]
    public async Task Failures_are_not_cached()
    {
        var (cache, clock, services) = Create();
        await using var _ = services;
        var calls = 0;
        Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire = (_, _) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new OAuth2Exception("invalid_client", null, System.Net.HttpStatusCode.BadRequest, null, "refused")
                : Task.FromResult(new AccessToken("ok", "Bearer", clock.GetUtcNow().AddHours(1), null));

        var act = async () => await cache.GetTokenAsync(Key, acquire);
        await act.Should().ThrowAsync<OAuth2Exception>();
        (await cache.GetTokenAsync(Key, acquire)).Value.Should().Be("ok");
        calls.Should().Be(2);
    }

    [Fact]
    public async Task Invalidating_the_same_rejected_token_many_times_causes_one_renewal()
    {
        var (cache, clock, services) = Create();
        await using var _ = services;
        var count = 0;
        var acquire = Counting(clock, () => Interlocked.Increment(ref count), TimeSpan.FromHours(1));
        var rejected = await cache.GetTokenAsync(Key, acquire);

        var renewed = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(async () =>
        {
            cache.Invalidate(Key, rejected);
            return await cache.GetTokenAsync(Key, acquire);
        })));

        count.Should().Be(2);
        renewed.Select(t => t.Value).Distinct().Should().ContainSingle().Which.Should().Be("token-2");
    }

    [Fact]
    public async Task The_acquisition_receives_the_token_it_replaces()
    {
        var (cache, clock, services) = Create();
        await using var _ = services;
        var seen = new List<string?>();
        var n = 0;
        Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire = (previous, _) =>
        {
            seen.Add(previous?.RefreshToken);
            n++;
            return Task.FromResult(new AccessToken("t" + n, "Bearer", clock.GetUtcNow().AddMinutes(5), "r" + n));
        };

        await cache.GetTokenAsync(Key, acquire);
        clock.Advance(TimeSpan.FromMinutes(6));
        await cache.GetTokenAsync(Key, acquire);

        seen.Should().Equal(null, "r1");
    }

    [Fact]
    public async Task Different_keys_have_different_tokens()
    {
        var (cache, clock, services) = Create();
        await using var _ = services;
        var count = 0;
        var acquire = Counting(clock, () => Interlocked.Increment(ref count), TimeSpan.FromHours(1));
        var other = new TokenCacheKey("Test", new Uri("https://idp.example/token"), "client-1", user: "alice");

        var a = await cache.GetTokenAsync(Key, acquire);
        var b = await cache.GetTokenAsync(other, acquire);

        a.Value.Should().NotBe(b.Value);
        Key.CacheKey.Should().NotBe(other.CacheKey).And.NotContain("alice");
    }

    [Fact]
    public void A_short_lived_token_keeps_at_least_half_its_life()
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var token = AccessToken.FromResponse(new OAuth2Token("a", "Bearer", TimeSpan.FromSeconds(10), null, null, now), TimeSpan.FromMinutes(5));

        token.RenewAt.Should().Be(now.AddSeconds(5));
        token.ExpiresAt.Should().Be(now.AddSeconds(10));
        token.ToString().Should().NotContain("a ");
    }
}

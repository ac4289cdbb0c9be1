using Clients.Core.OAuth2;
using Microsoft.Extensions.Caching.Hybrid;
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

        clock.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(31));
        var tokens = await Task.WhenAll(Enumerable.Range(0, 500).Select(_ => Task.Run(async () => await cache.GetTokenAsync(Key, acquire))));

        count.Should().Be(2);
        tokens.Select(t => t.Value).Distinct().Should().ContainSingle().Which.Should().Be("token-2");
    }

    [Fact]
    public async Task The_token_is_served_until_receipt_plus_lifetime_minus_buffer()
    {
        var (cache, clock, services) = Create();
        await using var _ = services;
        var count = 0;
        var acquire = Counting(clock, () => Interlocked.Increment(ref count), TimeSpan.FromMinutes(10));
        var first = await cache.GetTokenAsync(Key, acquire);

        first.ExpiresAt.Should().Be(clock.GetUtcNow() + TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(29));
        (await cache.GetTokenAsync(Key, acquire)).Value.Should().Be("token-1");
        clock.Advance(TimeSpan.FromSeconds(1));
        (await cache.GetTokenAsync(Key, acquire)).Value.Should().Be("token-2");
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

        token.ExpiresAt.Should().Be(now.AddSeconds(5));
        token.ToString().Should().NotContain("a ");
    }
}

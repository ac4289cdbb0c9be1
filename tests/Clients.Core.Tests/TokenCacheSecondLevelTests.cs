using Clients.Core.OAuth2;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clients.Core.Tests;

public sealed class TokenCacheSecondLevelTests
{
    [Fact]
    public async Task Two_instances_sharing_a_second_level_share_the_token()
    {
        // Stands in for Redis: one distributed cache shared by two "processes" (two containers).
        var shared = new SharedDistributedCache();
        TokenCache Instance()
        {
            var services = new ServiceCollection();
            services.AddSingleton<IDistributedCache>(shared);
            services.AddClientsTokenManagement();
            return services.BuildServiceProvider().GetRequiredService<TokenCache>();
        }

        var key = new TokenCacheKey("Test", new Uri("https://idp.example/token"), "client-1");
        var acquisitions = 0;
        Func<AccessToken?, CancellationToken, Task<AccessToken>> acquire = (_, _) =>
        {
            Interlocked.Increment(ref acquisitions);
            return Task.FromResult(new AccessToken("shared-token", "Bearer", DateTimeOffset.UtcNow.AddHours(1), null));
        };

        var first = await Instance().GetTokenAsync(key, acquire);
        var second = await Instance().GetTokenAsync(key, acquire);

        acquisitions.Should().Be(1);
        second.Value.Should().Be(first.Value);
        second.ExpiresAt.Should().Be(first.ExpiresAt);
    }

    // A distinct type so that HybridCache does not discard it as a mere wrapper of its own memory cache.
    private sealed class SharedDistributedCache() : MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()))
    {
    }
}

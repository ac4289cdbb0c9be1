using Clients.Ovh.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Ovh.Tests;

#pragma warning disable CS0618 // the former name on purpose: it must keep working for one release

/// <summary>
/// <see cref="IOvhConsumerKeyProvider"/>, the former name of <see cref="IOvhConsumerKeySource"/> (obsolete for one
/// release): an implementation registered under it still supplies the keys the requests are signed with, over real HTTP
/// to the loopback stub that verifies signatures.
/// </summary>
public sealed class ObsoleteConsumerKeyProviderTests : IAsyncLifetime
{
    private OvhStubServer _stub = null!;

    public async Task InitializeAsync() => _stub = await OvhStubServer.StartAsync();

    public async Task DisposeAsync() => await _stub.DisposeAsync();

    [Fact]
    public async Task A_key_source_registered_as_IOvhConsumerKeyProvider_still_signs_the_customers_calls()
    {
        await using var sp = OvhTestServices.Build(
            _stub.BaseUri,
            services: s => s.AddScoped<IOvhConsumerKeyProvider>(_ => new FormerKeys("alice", "aliceKey000000000000000000000001")));
        var api = sp.GetRequiredService<IStubOvhApi>();

        using (OvhConsumerKey.UseCustomer("alice"))
        {
            var answer = await api.GetMeAsync();

            answer.Signed.Should().BeTrue();
            answer.ConsumerKey.Should().Be("aliceKey000000000000000000000001", "the key came from the implementation of the former interface");
        }
    }

    private sealed class FormerKeys(string customer, string key) : IOvhConsumerKeyProvider
    {
        public ValueTask<string?> GetConsumerKeyAsync(string? customerId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(customerId == customer ? key : null);
    }
}

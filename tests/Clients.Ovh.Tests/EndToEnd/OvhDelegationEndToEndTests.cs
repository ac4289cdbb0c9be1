using System.Net;
using Clients.Sandbox.Ovh;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Ovh.Tests.EndToEnd;

/// <summary>The marketplace scenario of OVH's rights-delegation guide, over real HTTP to the OVH emulator.</summary>
public sealed class OvhDelegationEndToEndTests
{
    private static readonly Uri Callback = new("https://marketplace.example/ovh/callback");
    private static readonly OvhValidationPolling FastPolling = new() { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100), Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Request_the_rules_of_IOvhMeApi_validate_on_the_page_call_be_refused_outside_the_rules_logout()
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());
        await using var services = SandboxHost.Services(sandbox);
        var credentials = services.GetRequiredService<OvhCredentialClient>();

        // 1. The application asks for exactly the rights of the generated interface.
        var rules = OvhAccessRules.For<IOvhMeApi>();
        rules.Should().Contain(new OvhAccessRule("GET", "/me")).And.OnlyContain(r => r.Path == "/me" || r.Path.StartsWith("/me/", StringComparison.Ordinal));
        var request = await credentials.RequestConsumerKeyAsync(new OvhCredentialRequest(rules) { Redirection = Callback });
        request.State.Should().Be(OvhCredentialState.PendingValidation);
        request.ConsumerKey.Should().NotBeNullOrEmpty();
        request.ToString().Should().NotContain(request.ConsumerKey);
        request.ValidationUrl!.GetLeftPart(UriPartial.Authority).Should().Be(sandbox.HostUri.GetLeftPart(UriPartial.Authority));

        // 2. The customer validates on the emulator's page (over HTTP) while the application waits.
        var waiting = credentials.WaitForValidationAsync(request.ConsumerKey, FastPolling);
        using (var answer = await ValidationPageDriver.AnswerAsync(request.ValidationUrl, sandbox.DefaultCustomer, accept: true))
        {
            answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
            answer.Headers.Location.Should().Be(Callback);
        }

        var credential = await waiting;
        credential.Status.Should().Be(OvhCredentialState.Validated);
        credential.Rules.Should().BeEquivalentTo(rules);

        // 3. Signed calls for that customer through the generated interfaces.
        using (OvhConsumerKey.Use(request.ConsumerKey))
        {
            var me = await services.GetRequiredService<IOvhMeApi>().GetMeAsync();
            me.Nichandle.Should().Be(sandbox.DefaultCustomer.Nichandle);

            // (ListDomainAsync cannot be used: its iamTags dictionary query parameter makes Refit fall back to reflection.)
            var outside = () => services.GetRequiredService<IOvhDomainApi>().GetDomainAsync("example.com");
            var denied = (await outside.Should().ThrowAsync<OvhApiException>()).Which;
            denied.ErrorCode.Should().Be(OvhErrorCode.NotGrantedCall);
            denied.IsNotGranted.Should().BeTrue();
            denied.StatusCode.Should().Be(HttpStatusCode.Forbidden);
            denied.QueryId.Should().NotBeNullOrEmpty();
            denied.Message.Should().NotContain(request.ConsumerKey).And.NotContain(sandbox.ApplicationSecret);
        }

        // 4. Logout expires the key.
        await credentials.LogoutAsync(request.ConsumerKey);

        using (OvhConsumerKey.Use(request.ConsumerKey))
        {
            var after = () => services.GetRequiredService<IOvhMeApi>().GetMeAsync();
            var invalid = (await after.Should().ThrowAsync<OvhApiException>()).Which;
            invalid.ErrorCode.Should().Be(OvhErrorCode.InvalidCredential);
            invalid.IsInvalidCredential.Should().BeTrue();
        }
    }

    [Fact]
    public async Task A_refused_key_never_signs_a_successful_call()
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());
        await using var services = SandboxHost.Services(sandbox);
        var credentials = services.GetRequiredService<OvhCredentialClient>();
        var request = await credentials.RequestConsumerKeyAsync(OvhAccessRules.For<ISandboxMeApi>(), Callback);

        using (await ValidationPageDriver.AnswerAsync(request.ValidationUrl!, sandbox.DefaultCustomer, accept: false))
        {
        }

        sandbox.GetCredentialStatus(request.ConsumerKey).Should().Be(OvhSandboxCredentialStatus.Refused);
        using (OvhConsumerKey.Use(request.ConsumerKey))
        {
            var act = () => services.GetRequiredService<ISandboxMeApi>().GetMeAsync();
            (await act.Should().ThrowAsync<OvhApiException>()).Which.IsInvalidCredential.Should().BeTrue();
        }
    }

    [Fact]
    public async Task Unknown_application_key_is_a_typed_invalid_key()
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());
        await using var services = SandboxHost.Services(sandbox, configure: o => o.ApplicationKey = "unknownAppKey000");
        var act = () => services.GetRequiredService<OvhCredentialClient>().RequestConsumerKeyAsync(OvhAccessRules.For<ISandboxMeApi>());
        (await act.Should().ThrowAsync<OvhApiException>()).Which.ErrorCode.Should().Be(OvhErrorCode.InvalidKey);
    }

    [Fact]
    public async Task Two_customers_served_concurrently_by_one_application_never_cross()
    {
        var options = new OvhSandboxOptions();
        var alice = new OvhSandboxCustomer("al1111-ovh", "alice-password") { Email = "alice@example.com" };
        var bob = new OvhSandboxCustomer("bo2222-ovh", "bob-password") { Email = "bob@example.com" };
        options.Customers.Add(alice);
        options.Customers.Add(bob);
        await using var sandbox = await OvhSandbox.StartAsync(options);

        var store = new Dictionary<string, string>();
        await using var services = SandboxHost.Services(sandbox, s => s.AddSingleton<IOvhConsumerKeySource>(new StoreKeySource(store)));
        var credentials = services.GetRequiredService<OvhCredentialClient>();
        foreach (var customer in new[] { alice, bob })
        {
            var request = await credentials.RequestConsumerKeyAsync(OvhAccessRules.For<ISandboxMeApi>(), Callback);
            store[customer.Nichandle] = request.ConsumerKey;
            using (await ValidationPageDriver.AnswerAsync(request.ValidationUrl!, customer, accept: true))
            {
            }
        }

        var api = services.GetRequiredService<ISandboxMeApi>();
        var calls = Enumerable.Range(0, 100).Select(async i =>
        {
            var customer = i % 2 == 0 ? alice : bob;
            using (OvhConsumerKey.UseCustomer(customer.Nichandle))
            {
                await Task.Yield();
                return (customer.Nichandle, (await api.GetMeAsync()).Nichandle);
            }
        });

        foreach (var (expected, actual) in await Task.WhenAll(calls))
        {
            actual.Should().Be(expected);
        }
    }

    private sealed class StoreKeySource(IReadOnlyDictionary<string, string> store) : IOvhConsumerKeySource
    {
        public ValueTask<string?> GetConsumerKeyAsync(string? customerId, CancellationToken cancellationToken) =>
            ValueTask.FromResult(customerId is not null && store.TryGetValue(customerId, out var key) ? key : null);
    }
}

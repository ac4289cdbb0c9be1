using Clients.Core.OAuth2;
using Clients.Sandbox.Optimum;
using Microsoft.Extensions.Time.Testing;

namespace Clients.Optimum.Tests;

public sealed class OptimumTokenFlowTests
{
    [Fact]
    public async Task A_thousand_concurrent_calls_with_a_cold_cache_make_one_token_request_and_expiry_makes_exactly_one_more()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var host = OptimumTestHost.Create(sandbox, clock);
        var api = host.Get<IOptimumVehiclesApi>();

        var results = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => Task.Run(() => api.GetVehiclesAsync())));

        results.Should().OnlyContain(r => r.Count == 3);
        sandbox.TokenRequests.Should().Be(1);
        sandbox.ApiCalls.Should().Be(1000);

        clock.Advance(TimeSpan.FromMinutes(56)); // lifetime 60 min − 5 min buffer = 55 min: one background renewal
        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => api.GetVehiclesAsync())));

        await Eventually.EqualAsync(() => sandbox.TokenRequests, 2, host.AllLogText());
    }

    [Fact]
    public async Task A_token_is_reused_until_its_expiry_minus_the_buffer()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var host = OptimumTestHost.Create(sandbox, clock, s => s["Optimum:TokenExpiryBuffer"] = "00:10:00");
        var api = host.Get<IOptimumVehiclesApi>();

        await api.GetVehiclesAsync();
        clock.Advance(TimeSpan.FromMinutes(49));
        await api.GetVehiclesAsync();
        sandbox.TokenRequests.Should().Be(1);

        clock.Advance(TimeSpan.FromMinutes(1));
        await api.GetVehiclesAsync();
        await Eventually.EqualAsync(() => sandbox.TokenRequests, 2);
    }

    [Fact]
    public async Task A_401_on_a_POST_renews_the_token_once_and_resends_the_same_body()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox);
        var api = host.Get<IOptimumVehiclesApi>();
        await api.GetVehiclesAsync();
        sandbox.ResetCounters();

        sandbox.FailNextApiCallsWithUnauthorized(1);
        var echoed = await host.Get<ITestEchoApi>().EchoAsync(new TestVehicle { RegistrationNumber = "ZZ-999-ZZ", Status = "IN_FLEET" });

        echoed.RegistrationNumber.Should().Be("ZZ-999-ZZ");
        sandbox.TokenRequests.Should().Be(1);
        sandbox.ApiCalls.Should().Be(2);
        var bodies = sandbox.ReceivedBodies.ToArray();
        bodies.Should().HaveCount(2);
        bodies[1].Should().Be(bodies[0]).And.Contain("ZZ-999-ZZ");
    }

    [Fact]
    public async Task Concurrent_401s_with_the_same_token_cause_a_single_renewal()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox);
        var api = host.Get<IOptimumVehiclesApi>();
        await api.GetVehiclesAsync();

        sandbox.RevokeAllTokens();
        sandbox.ResetCounters();
        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => api.GetVehiclesAsync())));

        results.Should().HaveCount(100);
        sandbox.TokenRequests.Should().Be(1);
    }

    [Fact]
    public async Task A_second_401_surfaces_as_an_OptimumApiException()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox);
        var api = host.Get<IOptimumVehiclesApi>();

        sandbox.FailNextApiCallsWithUnauthorized(2);
        var act = () => api.GetVehiclesAsync();

        var error = (await act.Should().ThrowAsync<OptimumApiException>()).Which;
        error.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        sandbox.TokenRequests.Should().Be(2);
        sandbox.ApiCalls.Should().Be(2);
    }

    [Fact]
    public async Task Invalid_client_is_a_typed_error_not_retried_and_the_secret_appears_nowhere()
    {
        const string wrongSecret = "wrong-secret-3f9a2c-do-not-log";
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox, settings: s => s["Optimum:ClientSecret"] = wrongSecret);
        var api = host.Get<IOptimumVehiclesApi>();

        var act = () => api.GetVehiclesAsync();

        var thrown = (await act.Should().ThrowAsync<Exception>()).Which;
        var error = thrown.Should().BeOfType<OAuth2Exception>("token failures surface unwrapped").Subject;
        error.Error.Should().Be("invalid_client");
        error.StatusCode.Should().Be(System.Net.HttpStatusCode.BadRequest);
        error.ErrorDescription.Should().NotBeNullOrEmpty();
        sandbox.TokenRequests.Should().Be(1);
        sandbox.ApiCalls.Should().Be(0);
        thrown.ToString().Should().NotContain(wrongSecret).And.NotContain(sandbox.ClientSecret);
        var logs = host.AllLogText();
        logs.Should().Contain("invalid_client");
        logs.Should().NotContain(wrongSecret);
    }

    [Fact]
    public async Task Failures_are_not_cached_the_next_call_tries_again()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox, settings: s => s["Optimum:TokenRequestRetries"] = "0");
        var api = host.Get<IOptimumVehiclesApi>();

        sandbox.TokenEndpointDown = true;
        var act = () => api.GetVehiclesAsync();
        await act.Should().ThrowAsync<Exception>();
        sandbox.TokenEndpointDown = false;

        (await api.GetVehiclesAsync()).Should().HaveCount(3);
        sandbox.TokenRequests.Should().Be(2);
    }

    [Fact]
    public async Task Token_endpoint_5xx_is_retried_with_a_bound()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox);
        var api = host.Get<IOptimumVehiclesApi>();

        sandbox.FailNextTokenRequests(2);
        (await api.GetVehiclesAsync()).Should().HaveCount(3);
        sandbox.TokenRequests.Should().Be(3);

        sandbox.ResetCounters();
        sandbox.RevokeAllTokens();
        sandbox.TokenEndpointDown = true;
        var act = () => api.GetVehiclesAsync();
        var thrown = (await act.Should().ThrowAsync<Exception>()).Which;
        ((OAuth2Exception)thrown).Error.Should().Be(OAuth2ErrorCodes.TokenEndpointUnavailable);
        sandbox.TokenRequests.Should().Be(3);
    }

    [Fact]
    public async Task Basic_client_authentication_is_used_when_configured()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox, settings: s => s["Optimum:ClientAuthentication"] = "ClientSecretBasic");

        (await host.Get<IOptimumVehiclesApi>().GetVehicleAsync("AB-123-CD")).Status.Should().Be("IN_FLEET");
        sandbox.LastClientAuthentication.Should().Be("basic");
    }

    [Fact]
    public async Task Post_client_authentication_is_the_default()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox);

        await host.Get<IOptimumVehiclesApi>().GetVehiclesAsync();
        sandbox.LastClientAuthentication.Should().Be("post");
        sandbox.LastAuthorization.Should().StartWith("Bearer opt_");
    }

    [Fact]
    public async Task A_token_response_without_expires_in_is_a_clear_error()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox);
        sandbox.OmitExpiresIn = true;

        var act = () => host.Get<IOptimumVehiclesApi>().GetVehiclesAsync();

        var thrown = (await act.Should().ThrowAsync<Exception>()).Which;
        var error = ((OAuth2Exception)thrown);
        error.Error.Should().Be(OAuth2ErrorCodes.InvalidTokenResponse);
        error.Message.Should().Contain("expires_in").And.Contain(sandbox.TokenUrl.ToString());
    }
}

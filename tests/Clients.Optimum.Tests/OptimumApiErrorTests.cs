using System.Net;
using Clients.Sandbox.Optimum;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Optimum.Tests;

public sealed class OptimumApiErrorTests
{
    [Fact]
    public async Task A_404_becomes_an_OptimumApiException_with_the_problem_details()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox);

        var act = () => host.Get<IOptimumVehiclesApi>().GetVehicleAsync("NO-SUCH");

        var error = (await act.Should().ThrowAsync<OptimumApiException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.NotFound);
        error.Problem.Should().NotBeNull();
        error.Problem!.Detail.Should().Contain("NO-SUCH");
        error.Message.Should().Contain("404").And.Contain("/Vehicles/NO-SUCH");
    }

    [Fact]
    public async Task A_429_carries_retry_after()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox);
        sandbox.RateLimit = 2;
        var api = host.Get<IOptimumVehiclesApi>();
        await api.GetVehiclesAsync();
        await api.GetVehiclesAsync();

        var act = () => api.GetVehiclesAsync();

        var error = (await act.Should().ThrowAsync<OptimumApiException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        error.RetryAfter.Should().BePositive();
    }

    [Fact]
    public async Task A_consumer_handler_stays_outside_the_auth_handler()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        var seen = new List<string>();
        await using var host = OptimumTestHost.Create(sandbox, configure: b => b.ConfigureHttpClients(c =>
            c.AddHttpMessageHandler(() => new ObservingHandler(seen))));

        await host.Get<IOptimumVehiclesApi>().GetVehiclesAsync();

        // The outer handler saw the request before the token was attached, and the response after.
        seen.Should().Equal("before: no authorization", "after: 200");
    }

    [Fact]
    public async Task An_outer_retry_gets_a_fresh_token_from_the_inner_auth_handler()
    {
        await using var sandbox = await OptimumSandbox.StartAsync();
        await using var host = OptimumTestHost.Create(sandbox, configure: b => b.ConfigureHttpClients(c =>
            c.AddHttpMessageHandler(() => new RetryOnceOn429Handler())));
        var api = host.Get<IOptimumVehiclesApi>();
        await api.GetVehiclesAsync();

        sandbox.RateLimit = 0; // every call is refused with 429
        var act = () => api.GetVehiclesAsync();
        await act.Should().ThrowAsync<OptimumApiException>();

        sandbox.ApiCalls.Should().Be(3); // 1 + the refused call retried once by the outer handler
    }

    private sealed class ObservingHandler(List<string> seen) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Add(request.Headers.Authorization is null ? "before: no authorization" : "before: authorization");
            var response = await base.SendAsync(request, cancellationToken);
            seen.Add("after: " + (int)response.StatusCode);
            return response;
        }
    }

    private sealed class RetryOnceOn429Handler : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            response.Dispose();
            request.Headers.Authorization.Should().NotBeNull("the inner handler set it on the first attempt");
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

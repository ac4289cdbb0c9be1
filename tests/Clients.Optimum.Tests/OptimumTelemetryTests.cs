using System.Diagnostics;
using Clients.Core.Telemetry;
using Clients.Sandbox.Optimum;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Clients.Optimum.Tests;

[CollectionDefinition(nameof(OptimumTelemetryTests), DisableParallelization = true)]
public sealed class OptimumTelemetryCollection;

/// <summary>The Clients.Optimum source and meter, read through OpenTelemetry's in-memory exporter and MetricCollector.</summary>
[Collection(nameof(OptimumTelemetryTests))]
public sealed class OptimumTelemetryTests
{
    [Fact]
    public async Task Acquisition_refresh_401_renewal_and_retries_are_traced_and_counted_without_secrets()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(ClientsTelemetry.BuiltInNames.ToArray()).AddInMemoryExporter(spans).Build();
        var meter = ClientsTelemetry.For("Optimum").Meter;
        using var tokenRequests = new MetricCollector<long>(meter, "clients.token.requests");
        using var renewals = new MetricCollector<long>(meter, "clients.token.renewals");
        using var rejections = new MetricCollector<long>(meter, "clients.auth.rejections");
        using var retries = new MetricCollector<long>(meter, "clients.http.retries");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var sandbox = await OptimumSandbox.StartAsync(new OptimumSandboxOptions { TimeProvider = clock });
        await using var host = OptimumTestHost.Create(sandbox, clock);
        var api = host.Get<IOptimumVehiclesApi>();

        // The resilience pipeline waits on the container's clock: this one has the real clock.
        await using var resilientSandbox = await OptimumSandbox.StartAsync();
        await using var resilientHost = OptimumTestHost.Create(resilientSandbox, configure: b => b.AddResilience(o => o.BaseDelay = TimeSpan.FromMilliseconds(1)));
        var resilientApi = resilientHost.Get<IOptimumVehiclesApi>();
        await resilientApi.GetVehiclesAsync();

        await api.GetVehiclesAsync();                       // cold: token.acquire
        sandbox.FailNextApiCallsWithUnauthorized(1);
        await api.GetVehiclesAsync();                       // 401: token.renew_after_401 + token.refresh (rejected)
        sandbox.FailNextTokenRequests(1);
        clock.Advance(TimeSpan.FromMinutes(61));
        await api.GetVehiclesAsync();                       // expired: one 503 then success
        resilientSandbox.Faults.FailNext(503, 1);
        await resilientApi.GetVehiclesAsync();              // one retry
        tracing.ForceFlush();

        var names = spans.Select(s => s.OperationName).ToList();
        names.Should().Contain(["token.acquire", "token.renew_after_401", "token.refresh"]);
        spans.Where(s => s.OperationName == "token.refresh").Select(s => s.GetTagItem("clients.renewal.reason")).Should().Contain(["rejected", "expired"]);
        tokenRequests.GetMeasurementSnapshot().Select(m => (string?)m.Tags["clients.outcome"]).Should().Equal("success", "success", "success", "unavailable", "success");
        tokenRequests.GetMeasurementSnapshot().Should().OnlyContain(m => (string?)m.Tags["oauth2.grant_type"] == "client_credentials");
        renewals.GetMeasurementSnapshot().Select(m => (string?)m.Tags["clients.renewal.reason"]).Should().Equal("rejected", "expired");
        rejections.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["error.type"].Should().Be("401");
        retries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["error.type"].Should().Be("503");

        var secrets = new[] { sandbox.ClientSecret, sandbox.ClientId }.Concat(sandbox.IssuedTokens).Concat(resilientSandbox.IssuedTokens).ToArray();
        secrets.Length.Should().BeGreaterThan(3);
        var tagValues = spans.SelectMany(s => s.TagObjects.Concat(s.Events.SelectMany(e => e.Tags)))
            .Concat(tokenRequests.GetMeasurementSnapshot().SelectMany(m => m.Tags))
            .Select(t => t.Value?.ToString() ?? string.Empty);
        foreach (var value in tagValues)
        {
            value.Should().NotContainAny(secrets);
        }
    }
}

using System.Diagnostics;
using Clients.Core.Telemetry;
using Clients.Sandbox.Ovh;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Clients.Ovh.Tests.EndToEnd;

[CollectionDefinition(nameof(OvhTelemetryTests), DisableParallelization = true)]
public sealed class OvhTelemetryCollection;

/// <summary>Spans and counters of the OVH signing handler (time sync, re-sync, rejections), with no secret in any tag.</summary>
[Collection(nameof(OvhTelemetryTests))]
public sealed class OvhTelemetryTests
{
    [Fact]
    public async Task Time_sync_and_resync_are_traced_and_counted_without_secrets()
    {
        var spans = new List<Activity>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource("Clients.Ovh").AddInMemoryExporter(spans).Build();
        var meter = ClientsTelemetry.For("Ovh").Meter;
        using var syncs = new MetricCollector<long>(meter, "clients.ovh.time_syncs");
        using var rejections = new MetricCollector<long>(meter, "clients.auth.rejections");
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions { ClockSkew = TimeSpan.FromMinutes(3) });
        var consumerKey = sandbox.Key("GET", "/me");
        await using var services = SandboxHost.Services(sandbox, configure: o => o.ConsumerKey = consumerKey);
        var api = services.GetRequiredService<ISandboxMeApi>();

        await api.GetMeAsync();
        sandbox.ForceQueryTimeOut(1);
        await api.GetMeAsync();
        tracing.ForceFlush();

        spans.Select(s => s.OperationName).Should().Contain(["ovh.time_sync", "ovh.time_resync"]);
        spans.Where(s => s.OperationName == "ovh.time_sync").Select(s => s.GetTagItem("clients.sync.reason")).Should().Equal("initial", "rejected");
        syncs.GetMeasurementSnapshot().Select(m => m.Tags["clients.sync.reason"]).Should().Equal("initial", "rejected");
        rejections.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["error.type"].Should().Be("QUERY_TIME_OUT");

        var secrets = new[] { sandbox.ApplicationSecret, consumerKey };
        foreach (var tag in spans.SelectMany(s => s.TagObjects).Select(t => t.Value?.ToString() ?? string.Empty))
        {
            tag.Should().NotContainAny(secrets);
        }
    }
}

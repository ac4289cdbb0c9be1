using Clients.Sandbox.Ovh;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Ovh.Tests.EndToEnd;

/// <summary>Server time against the emulator (60 s timestamp tolerance).</summary>
public sealed class OvhServerTimeEndToEndTests
{
    [Theory]
    [InlineData(300)]
    [InlineData(-300)]
    [InlineData(3600)]
    [InlineData(-3600)]
    public async Task Clock_skew_is_absorbed(int skewSeconds)
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions { ClockSkew = TimeSpan.FromSeconds(skewSeconds) });
        await using var services = SandboxHost.Services(sandbox, configure: o => o.ConsumerKey = sandbox.Key("GET", "/me"));

        var me = await services.GetRequiredService<ISandboxMeApi>().GetMeAsync();

        me.Nichandle.Should().Be(sandbox.DefaultCustomer.Nichandle);
        sandbox.TimeRequestCount.Should().Be(1);
    }

    [Fact]
    public async Task A_thousand_concurrent_first_calls_make_one_time_request()
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions { ClockSkew = TimeSpan.FromMinutes(10) });
        await using var services = SandboxHost.Services(sandbox, configure: o => o.ConsumerKey = sandbox.Key("GET", "/me"));
        var api = services.GetRequiredService<ISandboxMeApi>();

        var answers = await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => api.GetMeAsync()));

        answers.Should().HaveCount(1000).And.OnlyContain(m => m.Nichandle == sandbox.DefaultCustomer.Nichandle);
        sandbox.TimeRequestCount.Should().Be(1);
        sandbox.GetRequestCount("/1.0/me").Should().Be(1000);
    }

    [Fact]
    public async Task A_rejected_timestamp_resyncs_once_and_succeeds()
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());
        await using var services = SandboxHost.Services(sandbox, configure: o => o.ConsumerKey = sandbox.Key("GET", "/me"));
        var api = services.GetRequiredService<ISandboxMeApi>();
        await api.GetMeAsync();

        sandbox.ForceQueryTimeOut(1);
        var me = await api.GetMeAsync();

        me.Nichandle.Should().Be(sandbox.DefaultCustomer.Nichandle);
        sandbox.TimeRequestCount.Should().Be(2);
        sandbox.GetRequestCount("/1.0/me").Should().Be(3);
    }

    [Fact]
    public async Task A_server_clock_jump_after_sync_is_recovered_by_the_resync()
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());
        await using var services = SandboxHost.Services(sandbox, configure: o => o.ConsumerKey = sandbox.Key("GET", "/me"));
        var api = services.GetRequiredService<ISandboxMeApi>();
        await api.GetMeAsync();

        sandbox.ClockSkew = TimeSpan.FromHours(-1);
        (await api.GetMeAsync()).Nichandle.Should().Be(sandbox.DefaultCustomer.Nichandle);
        sandbox.TimeRequestCount.Should().Be(2);
    }

    [Fact]
    public async Task Timestamp_rejections_twice_in_a_row_surface_as_a_typed_query_time_out()
    {
        await using var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());
        await using var services = SandboxHost.Services(sandbox, configure: o => o.ConsumerKey = sandbox.Key("GET", "/me"));
        sandbox.ForceQueryTimeOut(2);

        var act = () => services.GetRequiredService<ISandboxMeApi>().GetMeAsync();

        (await act.Should().ThrowAsync<OvhApiException>()).Which.ErrorCode.Should().Be(OvhErrorCode.QueryTimeOut);
        sandbox.TimeRequestCount.Should().Be(2);
        sandbox.GetRequestCount("/1.0/me").Should().Be(2);
    }
}

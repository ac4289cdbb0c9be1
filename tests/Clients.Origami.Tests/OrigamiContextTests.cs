using System.Net;
using Clients.Sandbox.Origami;

namespace Clients.Origami.Tests;

public sealed class OrigamiContextTests
{
    [Fact]
    public async Task The_default_context_comes_from_options()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox);

        var me = await host.Get<IOrigamiMeApi>().GetMeAsync();

        sandbox.LastContext.Should().Be("1");
        me.Data.Email.Should().Be(sandbox.UserName);
        me.Data.UserGroups.Should().Contain(g => g.Id == 42 && g.Type == Models.UserGroupType.Seller);
    }

    [Fact]
    public async Task A_configured_default_context_is_used()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox, settings: s => s["Origami:DefaultContext"] = "42");

        await host.Get<IOrigamiMeApi>().GetMeAsync();

        sandbox.LastContext.Should().Be("42");
    }

    [Fact]
    public async Task A_scope_overrides_the_default_for_a_block_of_code_and_nests()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox);
        var api = host.Get<IOrigamiMeApi>();

        using (OrigamiContext.Use(42))
        {
            await api.GetMeAsync();
            sandbox.LastContext.Should().Be("42");
            using (OrigamiContext.Use("1"))
            {
                await api.GetMeAsync();
                sandbox.LastContext.Should().Be("1");
            }

            await api.GetMeAsync();
            sandbox.LastContext.Should().Be("42");
        }

        await api.GetMeAsync();
        sandbox.LastContext.Should().Be("1");
    }

    [Fact]
    public async Task Concurrent_scopes_do_not_leak_into_each_other()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox);
        var api = host.Get<IOrigamiMeApi>();

        async Task<int> Run(string context)
        {
            using (OrigamiContext.Use(context))
            {
                for (var i = 0; i < 20; i++)
                {
                    await api.GetMeAsync();
                }
            }

            return 20;
        }

        await Task.WhenAll(Task.Run(() => Run("42")), Task.Run(() => Run("1")), Task.Run(() => Run("42")));

        sandbox.ContextsSeen.Count(c => c == "42").Should().Be(40);
        sandbox.ContextsSeen.Count(c => c == "1").Should().Be(20);
    }

    [Fact]
    public async Task A_per_call_option_overrides_the_scope()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox);
        var api = host.Get<ITestContextApi>();

        using (OrigamiContext.Use("1"))
        {
            await api.GetMeAsOptionAsync("42");
        }

        sandbox.LastContext.Should().Be("42");
    }

    [Fact]
    public async Task A_per_call_header_overrides_everything()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox);

        using (OrigamiContext.Use("1"))
        {
            await host.Get<ITestContextApi>().GetMeAsHeaderAsync("42");
        }

        sandbox.LastContext.Should().Be("42");
    }

    [Fact]
    public async Task A_context_the_user_does_not_belong_to_is_a_typed_403()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox);

        var act = async () =>
        {
            using (OrigamiContext.Use(99))
            {
                await host.Get<IOrigamiMeApi>().GetMeAsync();
            }
        };

        var error = (await act.Should().ThrowAsync<OrigamiApiException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        error.OrigamiStatusCode.Should().Be(403);
        error.Context.Should().Be("99");
        error.Errors.Should().ContainSingle().Which.Code.Should().Be("030103");
        error.Message.Should().Contain("context 99");
    }
}

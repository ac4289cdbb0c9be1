using Clients.Core.OAuth2;
using Clients.Sandbox.Origami;
using Microsoft.Extensions.Time.Testing;

namespace Clients.Origami.Tests;

public sealed class OrigamiTokenTests
{
    private static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Expiry_under_100_concurrent_callers_causes_one_refresh_and_rotation_keeps_working()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        var clock = Clock();
        await using var host = OrigamiTestHost.Create(sandbox, clock);
        var api = host.Get<IOrigamiMeApi>();
        await api.GetMeAsync();
        sandbox.PasswordGrants.Should().Be(1);

        for (var round = 1; round <= 3; round++)
        {
            clock.Advance(TimeSpan.FromMinutes(60));
            await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => api.GetMeAsync())));

            sandbox.RefreshGrants.Should().Be(round);
        }

        sandbox.RefusedRefreshes.Should().Be(0, "no caller refreshed with a stale, already rotated refresh token");
        sandbox.PasswordGrants.Should().Be(1);
        sandbox.TokenRequests.Should().Be(4);
    }

    [Fact]
    public async Task Without_rotation_the_refresh_token_is_kept_for_the_next_refresh()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        sandbox.RotateRefreshTokens = false;
        var clock = Clock();
        await using var host = OrigamiTestHost.Create(sandbox, clock);
        var api = host.Get<IOrigamiMeApi>();
        await api.GetMeAsync();

        clock.Advance(TimeSpan.FromMinutes(60));
        await api.GetMeAsync();
        clock.Advance(TimeSpan.FromMinutes(60));
        await api.GetMeAsync();

        sandbox.RefreshGrants.Should().Be(2);
        sandbox.PasswordGrants.Should().Be(1);
    }

    [Fact]
    public async Task Invalid_grant_on_refresh_falls_back_to_the_password_grant_once()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        var clock = Clock();
        await using var host = OrigamiTestHost.Create(sandbox, clock);
        var api = host.Get<IOrigamiMeApi>();
        await api.GetMeAsync();

        sandbox.RevokeRefreshTokens();
        clock.Advance(TimeSpan.FromMinutes(60));
        await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => api.GetMeAsync())));

        sandbox.RefusedRefreshes.Should().Be(1);
        sandbox.PasswordGrants.Should().Be(2);
        host.AllLogText().Should().Contain("invalid_grant");
    }

    [Fact]
    public async Task Wrong_password_is_a_typed_error_and_the_password_appears_nowhere()
    {
        const string wrongPassword = "wrong-password-77aa-never-log";
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox, settings: s => s["Origami:Password"] = wrongPassword);

        var act = () => host.Get<IOrigamiMeApi>().GetMeAsync();

        var thrown = (await act.Should().ThrowAsync<Exception>()).Which;
        var error = thrown as OAuth2Exception ?? thrown.InnerException as OAuth2Exception;
        error.Should().NotBeNull($"got {thrown.GetType()}");
        error!.Error.Should().Be("invalid_grant");
        sandbox.TokenRequests.Should().Be(1);
        thrown.ToString().Should().NotContain(wrongPassword).And.NotContain(sandbox.ClientSecret);
        host.AllLogText().Should().NotContain(wrongPassword).And.NotContain(sandbox.ClientSecret);
    }

    [Fact]
    public async Task Token_requests_can_be_sent_as_json()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox, settings: s => s["Origami:TokenRequestFormat"] = "Json");

        await host.Get<IOrigamiMeApi>().GetMeAsync();

        sandbox.LastTokenRequestFormat.Should().Be("json");
    }
}

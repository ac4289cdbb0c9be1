namespace Clients.Origami.Tests;

public sealed class OrigamiContextScopeTests
{
    [Fact]
    public void Scopes_restore_the_previous_context_even_when_disposed_twice()
    {
        OrigamiContext.Current.Should().BeNull();
        var outer = OrigamiContext.Use(42);
        var inner = OrigamiContext.Use("7");
        OrigamiContext.Current.Should().Be("7");

        inner.Dispose();
        inner.Dispose();
        OrigamiContext.Current.Should().Be("42");
        outer.Dispose();
        OrigamiContext.Current.Should().BeNull();
    }

    [Fact]
    public async Task A_scope_flows_into_awaited_work_but_not_out_of_it()
    {
        async Task SetInside()
        {
            await Task.Yield();
            OrigamiContext.Use("99"); // never disposed: must not leak to the caller
        }

        using (OrigamiContext.Use("42"))
        {
            await SetInside();
            OrigamiContext.Current.Should().Be("42");
            (await Task.Run(() => OrigamiContext.Current)).Should().Be("42");
        }
    }

    [Fact]
    public void A_request_option_can_be_set_directly()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://x.test/v1/me");

        OrigamiContext.SetFor(request, "42");

        request.Options.TryGetValue(OrigamiContext.RequestOption, out var value).Should().BeTrue();
        value.Should().Be("42");
    }
}

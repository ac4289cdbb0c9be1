using System.Net;
using Clients.Origami.Models;
using Clients.Sandbox.Origami;

namespace Clients.Origami.Tests;

public sealed class OrigamiApiTests
{
    [Fact]
    public async Task List_results_expose_the_pagination_envelope()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox);

        var page = await host.Get<IOrigamiSellersApi>().ListSellersAsync(page: 3, itemPerPage: 20);

        page.Data.Should().HaveCount(5);
        page.Meta!.Pagination.Should().BeEquivalentTo(new Pagination { Total = 45, Count = 5, PerPage = 20, CurrentPage = 3, TotalPages = 3 });
    }

    [Fact]
    public async Task A_documented_operation_without_a_route_of_its_own_answers_schema_shaped_data_and_an_unknown_path_404()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox);

        var stats = await host.Get<IOrigamiInvitationsApi>().GetInvitationStatsAsync();
        using var http = new HttpClient();
        using var unknown = await http.GetAsync(new Uri(sandbox.BaseUri, "v1/nowhere"));

        stats.Data.Should().BeEquivalentTo(new InvitationStats { Pending = 1, Accepted = 1, Refused = 1 });
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.Content.ReadAsStringAsync()).Should().Contain("040400");
    }

    [Fact]
    public async Task A_validation_error_carries_every_entry()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox);

        var act = () => host.Get<IOrigamiSellersApi>().CreateSellerAsync(new CreateSellerRequest { Name = " ", Email = "not-an-email" });

        var error = (await act.Should().ThrowAsync<OrigamiApiException>()).Which;
        error.StatusCode.Should().Be((HttpStatusCode)422);
        error.OrigamiStatusCode.Should().Be(422);
        error.Errors.Select(e => e.Code).Should().Equal("042210", "042211");
        error.Errors.Should().OnlyContain(e => e.Status == 422 && !string.IsNullOrEmpty(e.Detail));
    }

    [Fact]
    public async Task Post_patch_and_delete_round_trip()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox);
        var taxes = host.Get<IOrigamiTaxesApi>();

        var created = await taxes.CreateTaxAsync(new TaxRequest { Name = "Reduced", Rate = 10, CountryId = 75 });
        var patched = await taxes.UpdateTaxAsync(created.Data.Id, new TaxRequest { Rate = 7 });
        await taxes.DeleteTaxAsync(created.Data.Id);

        patched.Data.Name.Should().Be("Reduced");
        patched.Data.Rate.Should().Be(7);
        sandbox.Taxes.ContainsKey(created.Data.Id).Should().BeFalse();
    }

    [Fact]
    public async Task A_second_401_is_a_typed_error_in_origami_format()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox);
        sandbox.FailNextApiCallsWithUnauthorized(2);

        var act = () => host.Get<IOrigamiMeApi>().GetMeAsync();

        var error = (await act.Should().ThrowAsync<OrigamiApiException>()).Which;
        error.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        error.Errors.Should().ContainSingle().Which.Code.Should().Be("030101");
        sandbox.ApiCalls.Should().Be(2);
    }

    [Fact]
    public async Task A_401_on_a_POST_renews_once_and_resends_the_same_body()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync();
        await using var host = OrigamiTestHost.Create(sandbox);
        var sellers = host.Get<IOrigamiSellersApi>();
        await host.Get<IOrigamiMeApi>().GetMeAsync();

        sandbox.FailNextApiCallsWithUnauthorized(1);
        var created = await sellers.CreateSellerAsync(new CreateSellerRequest { Name = "Resent Ltd", Email = "resent@example.test" });

        created.Data.Name.Should().Be("Resent Ltd");
        sandbox.Sellers[created.Data.Id]["email"]!.GetValue<string>().Should().Be("resent@example.test");
        sandbox.RefreshGrants.Should().Be(1);
        sandbox.PasswordGrants.Should().Be(1);
    }
}

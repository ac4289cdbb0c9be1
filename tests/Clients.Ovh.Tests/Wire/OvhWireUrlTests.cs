using Clients.Ovh.Models;
using Clients.Sandbox.Ovh;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Ovh.Tests.Wire;

/// <summary>
/// Exact URLs of generated OVH calls, as the emulator received (and verified the signature of) them. Each expected
/// query is what python-ovh sends for the same call: <c>urlencode({...})</c> after python-ovh's own boolean rule
/// (<c>str(v).lower()</c>), with dates given as <c>date.isoformat()</c> / <c>datetime.isoformat()</c>. python-ovh does
/// not encode path segments (the caller writes them), so path values are compared after percent-decoding.
/// </summary>
public sealed class OvhWireUrlTests
{
    private static readonly DateTimeOffset Moment = new(2024, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private static async Task<(OvhSandbox Sandbox, ServiceProvider Services)> StartAsync()
    {
        var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ovh:BaseUrl"] = sandbox.BaseUri.ToString(),
            ["Ovh:ApplicationKey"] = sandbox.ApplicationKey,
            ["Ovh:ApplicationSecret"] = sandbox.ApplicationSecret,
            ["Ovh:ConsumerKey"] = sandbox.CreateConsumerKey(new[] { "GET", "POST", "PUT", "DELETE" }.Select(m => new OvhSandboxAccessRule(m, "/*"))),
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOvhClients(configuration.GetSection("Ovh"));
        return (sandbox, services.BuildServiceProvider());
    }

    [Fact]
    public async Task Date_time_in_the_path_is_iso_8601()
    {
        var (sandbox, services) = await StartAsync();
        await using var _ = sandbox;
        await using var __ = services;

        await services.GetRequiredService<IOvhDomainApi>().GetDomainZoneHistoryAsync("example.com", Moment);

        // python-ovh: client.get('/domain/zone/example.com/history/' + datetime(2024,1,15,10,tzinfo=utc).isoformat())
        sandbox.LastRequest!.RawTarget.Should().Be("/1.0/domain/zone/example.com/history/2024-01-15T10%3A00%3A00%2B00%3A00");
        Uri.UnescapeDataString(sandbox.LastRequest.RawTarget).Should().Be("/1.0/domain/zone/example.com/history/2024-01-15T10:00:00+00:00");
    }

    [Fact]
    public async Task Date_time_in_the_query_is_iso_8601()
    {
        var (sandbox, services) = await StartAsync();
        await using var _ = sandbox;
        await using var __ = services;

        await services.GetRequiredService<IOvhDomainApi>().ListDomainZoneHistoryAsync("example.com", creationDateFrom: Moment);

        // python: urlencode({'creationDate.from': '2024-01-15T10:00:00+00:00'})
        sandbox.LastRequest!.RawTarget.Should().Be("/1.0/domain/zone/example.com/history?creationDate.from=2024-01-15T10%3A00%3A00%2B00%3A00");
    }

    [Fact]
    public async Task Dates_in_the_query_are_yyyy_mm_dd()
    {
        var (sandbox, services) = await StartAsync();
        await using var _ = sandbox;
        await using var __ = services;

        await services.GetRequiredService<IOvhDedicatedServerApi>().ListDedicatedServerTaskAvailableTimeslotsAsync(
            "ns1.example.net", 42, periodEnd: new DateOnly(2024, 1, 31), periodStart: new DateOnly(2024, 1, 15));

        // python: urlencode({'periodEnd': '2024-01-31', 'periodStart': '2024-01-15'})
        sandbox.LastRequest!.RawTarget.Should().Be("/1.0/dedicated/server/ns1.example.net/task/42/availableTimeslots?periodEnd=2024-01-31&periodStart=2024-01-15");
    }

    [Fact]
    public async Task Booleans_and_string_enums_in_the_query_are_lowercase_and_wire_values()
    {
        var (sandbox, services) = await StartAsync();
        await using var _ = sandbox;
        await using var __ = services;

        await services.GetRequiredService<IOvhMeApi>().ListMePaymentMethodAsync(@default: true, status: MePaymentMethodStatusEnum.VALID);

        // python: urlencode({'default': 'true', 'status': 'VALID'})
        sandbox.LastRequest!.RawTarget.Should().Be("/1.0/me/payment/method?default=true&status=VALID");
    }

    [Fact]
    public async Task Integer_enums_in_the_query_are_numbers()
    {
        var (sandbox, services) = await StartAsync();
        await using var _ = sandbox;
        await using var __ = services;

        await services.GetRequiredService<IOvhDomainApi>().ListDomainDsRecordAsync("example.com", flags: DnssecKeyFlagEnum.Value257);

        // python: urlencode({'flags': 257})
        sandbox.LastRequest!.RawTarget.Should().Be("/1.0/domain/example.com/dsRecord?flags=257");
    }

    [Fact]
    public async Task Enum_collections_in_the_query_repeat_the_name_with_wire_values()
    {
        var (sandbox, services) = await StartAsync();
        await using var _ = sandbox;
        await using var __ = services;

        await services.GetRequiredService<IOvhDomainApi>().GetDomainExtensionsByCategoryAsync(
            [DomainExtensionsCategoryTypeEnum.Geolocalization, DomainExtensionsCategoryTypeEnum.Thematic]);

        // python: urlencode({'categoryType': ['geolocalization', 'thematic']}, doseq=True)
        sandbox.LastRequest!.RawTarget.Should().Be("/1.0/domain/extensions/byCategory?categoryType=geolocalization&categoryType=thematic");
    }

    [Fact]
    public async Task String_collections_in_a_v2_query_are_percent_encoded_like_urlencode()
    {
        var (sandbox, services) = await StartAsync();
        await using var _ = sandbox;
        await using var __ = services;

        await services.GetRequiredService<IOvhV2IamApi>().ListIamResourceAsync(resourceURN: ["urn:v1:eu:resource:vps:vps-1.ovh.net", "urn:v1:eu:resource:vps:vps-2.ovh.net"]);

        // python: urlencode({'resourceURN': [...]}, doseq=True)
        sandbox.LastRequest!.RawTarget.Should().Be(
            "/v2/iam/resource?resourceURN=urn%3Av1%3Aeu%3Aresource%3Avps%3Avps-1.ovh.net&resourceURN=urn%3Av1%3Aeu%3Aresource%3Avps%3Avps-2.ovh.net");
    }

    [Fact]
    public async Task Enums_in_the_path_and_booleans_in_a_delete_query_are_wire_values()
    {
        var (sandbox, services) = await StartAsync();
        await using var _ = sandbox;
        await using var __ = services;

#pragma warning disable CS0618 // the provider deprecated the call; its parameters still show the formatting
        await services.GetRequiredService<IOvhVpsApi>().DeleteVpsOptionAsync("vps-1.ovh.net", VpsVpsOptionEnum.AdditionalDisk, deleteNow: false);
#pragma warning restore CS0618

        // python: client.delete('/vps/vps-1.ovh.net/option/additionalDisk', deleteNow=False) -> ?deleteNow=false
        sandbox.LastRequest!.RawTarget.Should().Be("/1.0/vps/vps-1.ovh.net/option/additionalDisk?deleteNow=false");
    }

    [Fact]
    public async Task An_enum_value_the_document_does_not_list_goes_out_unchanged()
    {
        var (sandbox, services) = await StartAsync();
        await using var _ = sandbox;
        await using var __ = services;

        var act = () => services.GetRequiredService<IOvhDedicatedServerApi>().GetDedicatedServerOptionAsync("ns1.example.net", new DedicatedServerOptionEnum("NEW_OPTION"));

        // The emulator, strict like OVH, refuses a value outside the enumeration; the URL still carries it verbatim.
        (await act.Should().ThrowAsync<OvhApiException>()).Which.ErrorCodeText.Should().Be("INVALID_PARAMETER");
        sandbox.LastRequest!.RawTarget.Should().Be("/1.0/dedicated/server/ns1.example.net/option/NEW_OPTION");
    }
}

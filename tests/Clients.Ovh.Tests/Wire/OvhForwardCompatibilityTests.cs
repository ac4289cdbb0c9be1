using System.Net;
using System.Text;
using System.Text.Json;
using Clients.Core.Wire;
using Clients.Ovh.Models;
using Clients.Sandbox.Hosting;
using Clients.Sandbox.Ovh;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Ovh.Tests.Wire;

/// <summary>
/// The generated OVH clients against the emulator's drift mode (answers beyond the document), and the emulator's
/// strictness about parameter formats (what Refit's default formatting used to send now fails).
/// </summary>
public sealed class OvhForwardCompatibilityTests
{
    private static async Task<(OvhSandbox Sandbox, ServiceProvider Services, System.Collections.Concurrent.ConcurrentQueue<byte[]> Bodies)> StartAsync(SandboxDriftMode drift)
    {
        var sandbox = await OvhSandbox.StartAsync(new OvhSandboxOptions { Drift = drift });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ovh:BaseUrl"] = sandbox.BaseUri.ToString(),
            ["Ovh:ApplicationKey"] = sandbox.ApplicationKey,
            ["Ovh:ApplicationSecret"] = sandbox.ApplicationSecret,
            ["Ovh:ConsumerKey"] = sandbox.CreateConsumerKey(new[] { "GET", "POST", "PUT", "DELETE" }.Select(m => new OvhSandboxAccessRule(m, "/*"))),
        }).Build();
        var bodies = new System.Collections.Concurrent.ConcurrentQueue<byte[]>();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOvhClients(configuration.GetSection("Ovh"));
        services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new SandboxResponseRecorder(bodies)));
        return (sandbox, services.BuildServiceProvider(), bodies);
    }

    private static readonly JsonSerializerOptions Json = ProviderRefitSettings.CreateJsonOptions(OvhJsonSerializerContext.Default);

    [Fact]
    public async Task Unknown_enum_values_and_extra_properties_deserialize_and_round_trip_byte_for_byte()
    {
        var (sandbox, services, bodies) = await StartAsync(
            SandboxDriftMode.UnknownEnumValues | SandboxDriftMode.ExtraProperties | SandboxDriftMode.MissingOptionalProperties);
        await using var _ = sandbox;
        await using var __ = services;

        var vps = await services.GetRequiredService<IOvhVpsApi>().GetVpsAsync("vps-1.ovh.net");

        vps.State!.Value.IsKnown.Should().BeFalse();
        vps.State.ToString().Should().Be(SandboxDrift.UnknownStringValue);
        vps.AdditionalProperties.Should().ContainKey(SandboxDrift.ExtraPropertyName);
        var sent = Encoding.UTF8.GetString(bodies.Last());
        JsonSerializer.Serialize(vps, Json).Should().Be(sent, "what the client did not know goes back exactly as received");
    }

    [Fact]
    public async Task Unknown_values_in_lists_and_nested_objects_survive_too()
    {
        var (sandbox, services, bodies) = await StartAsync(SandboxDriftMode.UnknownEnumValues | SandboxDriftMode.ExtraProperties);
        await using var _ = sandbox;
        await using var __ = services;

        var policies = await services.GetRequiredService<IOvhV2IamApi>().ListIamPolicyAsync();

        policies.Should().NotBeEmpty();
        policies.Should().OnlyContain(p => p.AdditionalProperties != null && p.AdditionalProperties.ContainsKey(SandboxDrift.ExtraPropertyName));
        JsonSerializer.Serialize(policies, Json).Should().Be(Encoding.UTF8.GetString(bodies.Last()));
    }

    [Fact]
    public async Task Unexpected_nulls_and_missing_optional_properties_deserialize()
    {
        var (sandbox, services, _) = await StartAsync(SandboxDriftMode.All);
        await using var s = sandbox;
        await using var __ = services;

        var act = async () =>
        {
            await services.GetRequiredService<IOvhVpsApi>().GetVpsAsync("vps-1.ovh.net");
            await services.GetRequiredService<IOvhMeApi>().GetMeAsync();
            await services.GetRequiredService<IOvhDomainApi>().GetDomainZoneAsync("example.com");
        };

        await act.Should().NotThrowAsync();
    }

    [Fact]
    public async Task A_read_modify_put_round_trip_keeps_the_properties_the_client_does_not_know()
    {
        var (sandbox, services, _) = await StartAsync(SandboxDriftMode.ExtraProperties);
        await using var _s = sandbox;
        await using var __ = services;
        var api = services.GetRequiredService<IOvhVpsApi>();

        var vps = await api.GetVpsAsync("vps-1.ovh.net");
        var update = JsonSerializer.Deserialize<VpsVPS>(JsonSerializer.Serialize(vps, Json), Json)!;
        await api.UpdateVpsAsync("vps-1.ovh.net", update);

        using var body = JsonDocument.Parse(sandbox.LastRequest!.Body);
        body.RootElement.TryGetProperty(SandboxDrift.ExtraPropertyName, out var extra).Should().BeTrue();
        extra.GetProperty("note").GetString().Should().Be("not in the document");
    }

    [Theory]
    [InlineData("/1.0/me/payment/method?default=True", "[default] Given data (True) is not a valid boolean")]
    [InlineData("/1.0/domain/example.com/dsRecord?flags=Value257", "[flags] Given data (Value257) does not belong to the enumeration")]
    [InlineData("/1.0/domain/zone/example.com/history/01%2F15%2F2024%2010%3A00%3A00%20%2B00%3A00", "[creationDate] Given data (01/15/2024 10:00:00 +00:00) is not a valid datetime")]
    [InlineData("/1.0/domain/zone/example.com/history?creationDate.from=01%2F15%2F2024", "[creationDate.from] Given data (01/15/2024) is not a valid datetime")]
    [InlineData("/1.0/dedicated/server/ns1.example.net/task/42/availableTimeslots?periodEnd=01%2F31%2F2024&periodStart=2024-01-15", "[periodEnd] Given data (01/31/2024) is not a valid date")]
    [InlineData("/1.0/dedicated/server/ns1.example.net/task/forty-two", "[taskId] Given data (forty-two) is not a valid integer")]
    [InlineData("/1.0/domain/extensions/byCategory?categoryType=geolocalization&categoryType=Thematic", "[categoryType] Given data (Thematic) does not belong to the enumeration")]
    public async Task The_emulator_answers_invalid_parameter_for_what_refit_default_formatting_used_to_send(string target, string message)
    {
        var (sandbox, services, _) = await StartAsync(SandboxDriftMode.None);
        await using var _s = sandbox;
        await using var __ = services;
        using var http = new HttpClient();
        var key = sandbox.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/*")]);
        var origin = sandbox.BaseUri.GetLeftPart(UriPartial.Authority);
        var url = origin + target;
        var time = long.Parse(await http.GetStringAsync(origin + "/1.0/auth/time"), System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        request.Headers.Add("X-Ovh-Application", sandbox.ApplicationKey);
        request.Headers.Add("X-Ovh-Consumer", key);
        request.Headers.Add("X-Ovh-Timestamp", time.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Ovh-Signature", Sandbox.OvhTestSigner.Sign(sandbox.ApplicationSecret, key, "GET", url, "", time.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        using var response = await http.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        body.RootElement.GetProperty("errorCode").GetString().Should().Be("INVALID_PARAMETER");
        body.RootElement.GetProperty("message").GetString().Should().Be(message);
    }
}

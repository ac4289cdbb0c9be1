using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Clients.Core.Wire;
using Clients.Origami.Models;
using Clients.Sandbox.Hosting;
using Clients.Sandbox.Origami;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Origami.Tests;

/// <summary>The generated Origami clients against the emulator's drift mode: answers beyond the document.</summary>
public sealed class OrigamiForwardCompatibilityTests
{
    private static readonly JsonSerializerOptions Json = ProviderRefitSettings.CreateJsonOptions(OrigamiJsonSerializerContext.Default);

    private static ServiceProvider Build(OrigamiSandbox sandbox, ConcurrentQueue<byte[]> bodies)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Origami:ApiUrl"] = sandbox.BaseUri.ToString(),
            ["Origami:ClientId"] = sandbox.ClientId,
            ["Origami:ClientSecret"] = sandbox.ClientSecret,
            ["Origami:UserName"] = sandbox.UserName,
            ["Origami:Password"] = sandbox.Password,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOrigamiClients(configuration.GetSection("Origami"));
        services.ConfigureHttpClientDefaults(b => b.AddHttpMessageHandler(() => new SandboxResponseRecorder(bodies)));
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task An_unknown_user_group_type_and_extra_properties_deserialize_and_round_trip_byte_for_byte()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync(new OrigamiSandboxOptions
        {
            // Not MissingOptionalProperties: it may drop user_groups itself (Every_drift_at_once covers it).
            Drift = SandboxDriftMode.UnknownEnumValues | SandboxDriftMode.ExtraProperties,
        });
        var bodies = new ConcurrentQueue<byte[]>();
        await using var services = Build(sandbox, bodies);

        var me = await services.GetRequiredService<IOrigamiMeApi>().GetMeAsync();

        var type = me.Data.UserGroups!.First().Type;
        type.IsKnown.Should().BeFalse();
        type.ToString().Should().Be(SandboxDrift.UnknownStringValue);
        me.AdditionalProperties.Should().ContainKey(SandboxDrift.ExtraPropertyName);
        JsonSerializer.Serialize(me, Json).Should().Be(Encoding.UTF8.GetString(bodies.Last()));
    }

    [Fact]
    public async Task Every_drift_at_once_deserializes_without_exception()
    {
        await using var sandbox = await OrigamiSandbox.StartAsync(new OrigamiSandboxOptions { Drift = SandboxDriftMode.All });
        await using var services = Build(sandbox, new ConcurrentQueue<byte[]>());

        var act = async () =>
        {
            await services.GetRequiredService<IOrigamiMeApi>().GetMeAsync();
            await services.GetRequiredService<IOrigamiSellersApi>().ListSellersAsync();
            await services.GetRequiredService<IOrigamiCountriesApi>().ListCountriesAsync();
        };

        await act.Should().NotThrowAsync();
    }
}

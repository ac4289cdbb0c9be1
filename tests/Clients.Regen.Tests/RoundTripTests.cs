using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clients.Regen.Emit;
using Clients.Regen.Model;

namespace Clients.Regen.Tests;

/// <summary>The fixture's generated contracts, compiled and loaded, read and write the wire format unchanged.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public void String_and_integer_enums_dates_and_nested_objects_round_trip_through_the_generated_context()
    {
        var files = ClientEmitter.Emit(Providers.Ovh, [new SpecInput("v1/fixture", "fixture.json", File.ReadAllBytes(TempRepository.Fixture))]);
        var (diagnostics, compilation) = InMemoryCompiler.Compile(files);
        diagnostics.Should().BeEmpty();
        using var stream = new MemoryStream();
        compilation.Emit(stream).Success.Should().BeTrue();
        var context = new AssemblyLoadContext("fixture", isCollectible: true);
        try
        {
            stream.Position = 0;
            var assembly = context.LoadFromStream(stream);
            var jsonContext = (System.Text.Json.Serialization.JsonSerializerContext)assembly.GetType("Clients.Ovh.OvhJsonSerializerContext")!
                .GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            var zoneType = assembly.GetType("Clients.Ovh.Models.FixtureZone")!;
            const string wire = """
                {"name":"example.com","state":"in-creation","priority":-1,"lastUpdate":"2025-03-04T05:06:07+00:00","expiration":"2026-01-31","owner":{"firstName":"Ada","firstname":"ada","class":"x"},"options":{"a":"b"},"extra":{"note":"n"}}
                """;

            var zone = JsonSerializer.Deserialize(wire, zoneType, jsonContext)!;
            zoneType.GetProperty("State")!.GetValue(zone)!.ToString().Should().Be("InCreation");
            Convert.ToInt32(zoneType.GetProperty("Priority")!.GetValue(zone), System.Globalization.CultureInfo.InvariantCulture).Should().Be(-1);
            var written = JsonSerializer.Serialize(zone, zoneType, jsonContext);

            JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(wire)).Should().BeTrue(written);
            var stateType = assembly.GetType("Clients.Ovh.Models.FixtureZoneStateEnum")!;
            JsonSerializer.Serialize(Enum.Parse(stateType, "Empty"), stateType, jsonContext).Should().Be("\"\"");
        }
        finally
        {
            context.Unload();
        }
    }
}

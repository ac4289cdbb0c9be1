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
            var state = (Clients.Core.Wire.IOpenEnum)zoneType.GetProperty("State")!.GetValue(zone)!;
            state.ToString().Should().Be("in-creation");
            state.IsKnown.Should().BeTrue();
            var stateType = assembly.GetType("Clients.Ovh.Models.FixtureZoneStateEnum")!;
            state.Should().Be(stateType.GetProperty("InCreation")!.GetValue(null), "a documented value equals its static member");
            zoneType.GetProperty("Priority")!.GetValue(zone)!.ToString().Should().Be("-1");
            var written = JsonSerializer.Serialize(zone, zoneType, jsonContext);

            JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(wire)).Should().BeTrue(written);
            JsonSerializer.Serialize(stateType.GetProperty("Empty")!.GetValue(null), stateType, jsonContext).Should().Be("\"\"");
        }
        finally
        {
            context.Unload();
        }
    }

    [Fact]
    public void Unknown_enum_values_and_undeclared_properties_survive_a_round_trip_byte_for_byte()
    {
        var files = ClientEmitter.Emit(Providers.Ovh, [new SpecInput("v1/fixture", "fixture.json", File.ReadAllBytes(TempRepository.Fixture))]);
        var (_, compilation) = InMemoryCompiler.Compile(files);
        using var stream = new MemoryStream();
        compilation.Emit(stream).Success.Should().BeTrue();
        var context = new AssemblyLoadContext("fixture-drift", isCollectible: true);
        try
        {
            stream.Position = 0;
            var assembly = context.LoadFromStream(stream);
            var jsonContext = (System.Text.Json.Serialization.JsonSerializerContext)assembly.GetType("Clients.Ovh.OvhJsonSerializerContext")!
                .GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            var zoneType = assembly.GetType("Clients.Ovh.Models.FixtureZone")!;

            // A state and a priority the document does not list, a property it does not declare (nested too), optional ones missing.
            const string wire = """{"name":"example.com","state":"suspended-by-new-rule","priority":42,"owner":{"firstName":"Ada","since":"2031"},"zoneKind":{"v":[1,2.5,null,true]}}""";

            var zone = JsonSerializer.Deserialize(wire, zoneType, jsonContext)!;
            var state = (Clients.Core.Wire.IOpenEnum)zoneType.GetProperty("State")!.GetValue(zone)!;
            state.IsKnown.Should().BeFalse();
            state.ToString().Should().Be("suspended-by-new-rule");
            ((Clients.Core.Wire.IOpenEnum)zoneType.GetProperty("Priority")!.GetValue(zone)!).IsKnown.Should().BeFalse();
            var extra = (IDictionary<string, JsonElement>)zoneType.GetProperty("AdditionalProperties")!.GetValue(zone)!;
            extra.Keys.Should().Equal("zoneKind");

            JsonSerializer.Serialize(zone, zoneType, jsonContext).Should().Be(wire);
        }
        finally
        {
            context.Unload();
        }
    }
}

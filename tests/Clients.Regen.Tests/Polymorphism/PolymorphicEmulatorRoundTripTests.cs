using System.Collections;
using System.Text;
using System.Text.Json;
using Clients.Sandbox.Specs;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Regen.Tests.Polymorphism;

/// <summary>
/// A polymorphic body through the clients RegenClients generated for the shapes fixture, registered with
/// <c>AddOptimumClients</c> as a consumer does, against the document-driven emulator serving the same document (with
/// its OAuth2 token endpoint): what reaches the emulator, what comes back and what the client sends again are compared
/// byte for byte — for a subtype the document maps, and for one the API added after the document (a <c>Hexagon</c>,
/// served by the emulator as a canned answer with <see cref="SpecSandboxOptions.FutureSubtypes"/>).
/// </summary>
public sealed class PolymorphicEmulatorRoundTripTests(GeneratedShapesClients clients) : IClassFixture<GeneratedShapesClients>
{
    private const string ClientId = "roundtrip";
    private const string ClientSecret = "roundtrip-secret";

    // Beyond the document: a subtype it does not map, a property no contract declares, a nested value with a number
    // written as a serializer would not (1.50): kept as it came or not at all.
    private const string Hexagon = """{"TypeName":"Hexagon","name":"h","createdAt":"2025-03-04T05:06:07+00:00","sides":6,"nested":{"a":[1.50,null,true]}}""";

    [Fact]
    public void The_generated_clients_compile_as_a_consumer_builds_them()
    {
        clients.Problems.Should().BeEmpty();
        clients.Assembly.Should().NotBeNull();
    }

    [Fact]
    public async Task A_known_subtype_goes_out_typed_comes_back_typed_and_goes_out_again_byte_for_byte()
    {
        await using var api = await StartAsync(new SpecSandboxOptions { EchoRequestBodies = true });
        await using var provider = Register(api);
        var shapes = provider.GetRequiredService(clients.Api("IOptimumShapesApi"));
        var circle = Activator.CreateInstance(clients.Model("Circle"))!;
        Set(circle, "Radius", 1.5);
        Set(circle, "Name", "c");
        const string wire = """{"TypeName":"Circle","name":"c","radius":1.5}""";

        var returned = await CallAsync(shapes, "CreateShapeAsync", circle);
        await CallAsync(shapes, "CreateShapeAsync", returned);

        Received(api).Should().Equal(wire, wire);
        returned!.GetType().Should().Be(clients.Model("Circle"), "the emulator answered the body it received, a Circle");
        Get(returned, "Radius").Should().Be(1.5);
        Get(returned, "Name").Should().Be("c");
        api.Emulator.Rejected.Should().BeEmpty();
    }

    [Fact]
    public async Task A_subtype_added_after_the_document_is_read_as_the_base_and_goes_out_and_back_byte_for_byte()
    {
        var options = new SpecSandboxOptions { FutureSubtypes = true, EchoRequestBodies = true };
        options.Answers["GET /shapes"] = Encoding.UTF8.GetBytes("[" + Hexagon + "]");
        await using var api = await StartAsync(options);
        await using var provider = Register(api);
        var shapes = provider.GetRequiredService(clients.Api("IOptimumShapesApi"));

        var listed = ((IEnumerable)(await CallAsync(shapes, "ListShapesAsync"))!).Cast<object>().Single();
        var returned = await CallAsync(shapes, "CreateShapeAsync", listed);
        await CallAsync(shapes, "CreateShapeAsync", returned);

        listed.GetType().Should().Be(clients.Model("Shape"), "no contract is named Hexagon: the base keeps the value");
        Get(listed, "TypeName").Should().Be("Hexagon");
        Received(api).Should().Equal(Hexagon, Hexagon);
        returned!.GetType().Should().Be(clients.Model("Shape"));
        Get(returned, "TypeName").Should().Be("Hexagon");
        ((IDictionary<string, JsonElement>)Get(returned, "AdditionalProperties")!).Keys.Should().Equal("sides", "nested");
        api.Emulator.Rejected.Should().BeEmpty();
    }

    [Fact]
    public async Task A_strict_emulator_refuses_the_subtype_the_document_does_not_map()
    {
        await using var api = await StartAsync(new SpecSandboxOptions { EchoRequestBodies = true });
        await using var provider = Register(api);
        var shapes = provider.GetRequiredService(clients.Api("IOptimumShapesApi"));
        var hexagon = Activator.CreateInstance(clients.Model("Shape"))!;
        Set(hexagon, "TypeName", "Hexagon");
        Set(hexagon, "AdditionalProperties", new Dictionary<string, JsonElement> { ["sides"] = JsonDocument.Parse("6").RootElement });

        var call = () => CallAsync(shapes, "CreateShapeAsync", hexagon);

        await call.Should().ThrowAsync<Exception>();
        Received(api).Should().Equal("""{"TypeName":"Hexagon","sides":6}""");
        api.Emulator.Rejected.Should().ContainSingle().Which.Problem!.Message.Should().StartWith("[body] Given data matches none of the oneOf alternatives");
    }

    private static Task<SpecSandbox> StartAsync(SpecSandboxOptions options)
    {
        options.ClientId = ClientId;
        options.ClientSecret = ClientSecret;
        return SpecSandbox.StartAsync(File.ReadAllBytes(ShapesFixture.Document), options);
    }

    private static ServiceProvider Register(SpecSandbox api) => GeneratedConsumerClients.Connect(api, ClientId, ClientSecret);

    /// <summary>The bodies of the calls to <c>POST /shapes</c> as they reached the emulator, oldest first.</summary>
    private static List<string> Received(SpecSandbox api) =>
        api.Emulator.Calls.Where(c => c.Operation == "POST /shapes").Select(c => Encoding.UTF8.GetString(c.RequestBody.Span)).ToList();

    private static async Task<object?> CallAsync(object client, string method, params object?[] arguments)
    {
        var operation = client.GetType().GetInterfaces().Select(i => i.GetMethod(method)).Single(m => m is not null)!;
        var task = (Task)operation.Invoke(client, [.. arguments, CancellationToken.None])!;
        await task;
        return task.GetType().GetProperty("Result")!.GetValue(task);
    }

    private static void Set(object target, string property, object? value) => target.GetType().GetProperty(property)!.SetValue(target, value);

    private static object? Get(object target, string property) => target.GetType().GetProperty(property)!.GetValue(target);
}

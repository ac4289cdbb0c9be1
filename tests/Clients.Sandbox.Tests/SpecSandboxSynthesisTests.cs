using System.Text.Json;
using Clients.Sandbox.Specs;

namespace Clients.Sandbox.Tests;

/// <summary>Answers: synthesized from the success schema, valid against it, deterministic, with discriminator values.</summary>
public sealed class SpecSandboxSynthesisTests
{
    private static readonly SpecDocument Document = SpecDocument.Load("pets.json", PetsDocument.Bytes);

    [Fact]
    public void Every_answer_of_the_document_is_valid_against_its_success_schema()
    {
        foreach (var operation in Document.Operations.Where(static o => o.Success.Schema is not null))
        {
            var answer = SpecEmulator.Answer(Document, operation, new Dictionary<string, string>(), Hosting.SandboxDriftMode.None);
            using var json = JsonDocument.Parse(answer?.ToJsonString() ?? "null");

            SpecValidator.ValidateJson(Document, operation.Success.Schema!.Value, json.RootElement, "", optional: false, depth: 0)
                .Should().BeNull($"{operation.Method} {operation.Route.Template} answers {json.RootElement.GetRawText()}");
        }
    }

    [Fact]
    public async Task Answers_are_deterministic_and_carry_every_required_property_enum_and_format()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        var first = (await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "pets")).Body;
        var second = (await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "pets")).Body;

        second.Should().Be(first);
        var pets = JsonDocument.Parse(first).RootElement;
        pets.GetArrayLength().Should().Be(2);
        var pet = pets[0];
        pet.GetProperty("petId").GetInt64().Should().Be(1);
        pet.GetProperty("name").GetString().Should().Be("name");
        pet.GetProperty("status").GetString().Should().Be("available");
        pet.GetProperty("born").GetString().Should().Be("2025-01-01");
        Guid.TryParse(pet.GetProperty("id").GetString(), out _).Should().BeTrue();
        pets[1].GetProperty("name").GetString().Should().Be("name");
    }

    [Fact]
    public void A_ref_cycle_is_bounded()
    {
        var person = Document.Operations.Single(o => o.Route.Template == "/pets" && o.Method == "GET");

        var answer = SpecEmulator.Answer(Document, person, new Dictionary<string, string>(), Hosting.SandboxDriftMode.None)!.ToJsonString();

        // Pet → owner (Person) → pets (Pet: a repeat, so its required properties only) and friend (Person: a repeat, its name only).
        var owner = JsonDocument.Parse(answer).RootElement[0].GetProperty("owner");
        owner.GetProperty("friend").EnumerateObject().Select(static p => p.Name).Should().Equal("name");
        owner.GetProperty("pets")[0].EnumerateObject().Select(static p => p.Name).Should().Equal("petId", "name", "status");
    }

    [Fact]
    public async Task Bounds_are_respected()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        var mine = JsonDocument.Parse((await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "pets/mine")).Body).RootElement;

        mine.GetProperty("count").GetInt64().Should().Be(3);
    }

    [Fact]
    public async Task A_oneOf_answer_is_its_first_alternative_with_its_discriminator_value_and_a_base_answer_a_mapped_derived_type()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        var any = JsonDocument.Parse((await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "shapes/any")).Body).RootElement;
        var added = JsonDocument.Parse((await PetsDocument.SendAsync(sandbox, HttpMethod.Post, "shapes", """{"kind":"circle","radius":2}""")).Body).RootElement;

        any.GetProperty("kind").GetString().Should().Be("rect");
        any.GetProperty("width").GetInt64().Should().Be(1);
        added.GetProperty("kind").GetString().Should().Be("circle");
        added.GetProperty("radius").GetDouble().Should().Be(1.5);
    }

    [Fact]
    public async Task A_oneOf_of_plain_objects_gets_the_mapped_discriminator_value()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        var vehicle = (await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "vehicles")).Body;

        vehicle.Should().Be("""{"type":"car","wheels":4}""");
    }
}

using System.Text;
using Clients.Sandbox.Specs;

namespace Clients.Sandbox.Tests;

/// <summary>
/// Polymorphic bodies against the Swashbuckle-style document (<c>Shape</c>/<c>Rectangle</c>/<c>Circle</c>,
/// <c>additionalProperties: false</c> on the base and on each subtype's own part): known subtypes accepted, an unknown
/// discriminator refused by default and accepted as a future subtype with <see cref="SpecSandboxOptions.FutureSubtypes"/>
/// when it fits the base; <see cref="SpecSandboxOptions.EchoRequestBodies"/> and <see cref="SpecSandboxOptions.Answers"/>
/// serve bytes the test chooses, checked against the success schema.
/// </summary>
public sealed class SpecSandboxFutureSubtypesTests
{
    private const string Hexagon = """{"TypeName":"Hexagon","name":"h","sides":6,"nested":{"a":[1,null,true]}}""";

    [Theory]
    [InlineData("""{"TypeName":"Circle","radius":1.5}""", 200, null)]
    [InlineData("""{"TypeName":"Rectangle","name":"r","createdAt":"2025-03-04T05:06:07+00:00","width":2,"height":3}""", 200, null)]
    [InlineData("""{"TypeName":"Rectangle","width":2,"height":3,"depth":1}""", 400, "[depth] Unknown property: the schema allows no other properties")]
    [InlineData("""{"TypeName":"Circle","radius":1.5,"width":2}""", 400, "[width] Unknown property: the schema allows no other properties")]
    [InlineData("""{"TypeName":"Circle"}""", 400, "Missing parameter(s): radius")]
    public async Task A_known_subtype_is_checked_against_the_whole_subtype_base_properties_included(string json, int expected, string? message)
    {
        await using var sandbox = await ShapesDocument.StartAsync();

        var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Post, "shapes", json);

        status.Should().Be(expected, body);
        if (message is not null)
        {
            PetsDocument.Message(body).Should().Be(message);
        }
    }

    [Fact]
    public async Task An_unknown_discriminator_is_refused_by_default()
    {
        await using var sandbox = await ShapesDocument.StartAsync();

        var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Post, "shapes", Hexagon);

        status.Should().Be(400);
        PetsDocument.Message(body).Should().StartWith("[body] Given data matches none of the oneOf alternatives");
        sandbox.Emulator.Rejected.Should().ContainSingle().Which.RequestBody.ToArray().Should().Equal(Encoding.UTF8.GetBytes(Hexagon));
    }

    [Theory]
    [InlineData(Hexagon, 200, null)]
    [InlineData("""{"TypeName":"Hexagon"}""", 200, null)]
    [InlineData("""{"TypeName":"Hexagon","name":5}""", 400, "[name] Given data (5) is not a valid string")]
    [InlineData("""{"TypeName":"Hexagon","createdAt":"yesterday"}""", 400, "[createdAt] Given data (yesterday) is not a valid datetime")]
    [InlineData("""{"TypeName":"Circle","radius":1.5,"sides":6}""", 400, "[sides] Unknown property: the schema allows no other properties")]
    public async Task With_future_subtypes_an_unknown_discriminator_is_checked_against_the_base_and_a_known_one_stays_strict(string json, int expected, string? message)
    {
        await using var sandbox = await ShapesDocument.StartAsync(new SpecSandboxOptions { FutureSubtypes = true });

        var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Post, "shapes", json);

        status.Should().Be(expected, body);
        if (message is not null)
        {
            PetsDocument.Message(body).Should().Be(message);
        }
    }

    [Fact]
    public async Task An_echo_answers_the_body_byte_for_byte_and_records_it()
    {
        // Spacing a serializer would not write: the bytes as received, not a re-serialization.
        const string sent = """{ "TypeName" : "Hexagon", "sides" : 6 }""";
        await using var sandbox = await ShapesDocument.StartAsync(new SpecSandboxOptions { FutureSubtypes = true, EchoRequestBodies = true });

        var (status, body, response) = await PetsDocument.SendAsync(sandbox, HttpMethod.Post, "shapes", sent);

        status.Should().Be(200);
        body.Should().Be(sent);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        sandbox.Emulator.Calls.Should().ContainSingle().Which.RequestBody.ToArray().Should().Equal(Encoding.UTF8.GetBytes(sent));
    }

    [Fact]
    public async Task An_echo_the_success_schema_does_not_allow_is_a_500_that_says_why()
    {
        await using var sandbox = await PetsDocument.StartAsync(new SpecSandboxOptions { EchoRequestBodies = true });

        var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Post, "pets", """{"name":"Rex"}""", r => PetsDocument.Header(r, "X-Tenant", "3"));

        status.Should().Be(500);
        PetsDocument.Message(body).Should().Be("The request body cannot be echoed: it does not fit the success response's schema: Missing parameter(s): petId, status");
    }

    [Fact]
    public async Task A_canned_answer_is_served_byte_for_byte_after_the_call_is_validated()
    {
        var answer = "[" + Hexagon + """,{"TypeName":"Circle","radius":1}]""";
        var options = new SpecSandboxOptions { FutureSubtypes = true };
        options.Answers["GET /shapes"] = Encoding.UTF8.GetBytes(answer);
        await using var sandbox = await ShapesDocument.StartAsync(options);

        var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "shapes");
        var (other, _, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "shapes/x/label");

        status.Should().Be(200);
        body.Should().Be(answer);
        other.Should().Be(400, "the call is validated first: x is not an integer");
    }

    [Theory]
    [InlineData("GET /shapes", "[" + Hexagon + "]", false, "Answers[\"GET /shapes\"] does not fit the success response's schema: [[0].sides] Unknown property: the schema allows no other properties")]
    [InlineData("GET /shapes", """[{"TypeName":"Circle"}]""", true, "Answers[\"GET /shapes\"] does not fit the success response's schema: Missing parameter(s): [0].radius")]
    [InlineData("GET /circles", "[]", true, "Answers[\"GET /circles\"]: document has no operation GET /circles")]
    [InlineData("POST /shapes/{id}/picture", "{}", true, "Answers[\"POST /shapes/{id}/picture\"]: the operation's success response (200) is not JSON.")]
    public void A_canned_answer_the_document_does_not_allow_is_refused_when_the_emulator_is_created(string operation, string json, bool futureSubtypes, string message)
    {
        var options = new SpecSandboxOptions { FutureSubtypes = futureSubtypes };
        options.Answers[operation] = Encoding.UTF8.GetBytes(json);

        var create = () => new SpecEmulator(ShapesDocument.Bytes, options);

        create.Should().Throw<ArgumentException>().Which.Message.Should().StartWith(message);
    }
}

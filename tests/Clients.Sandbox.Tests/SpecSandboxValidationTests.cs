using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Clients.Sandbox.Tests;

/// <summary>Strict validation: every kind of mistake in path, query, header and body gets the strict OVH emulator's 400.</summary>
public sealed class SpecSandboxValidationTests
{
    [Theory]
    [InlineData("pets/forty-two", "[petId] Given data (forty-two) is not a valid integer")]
    [InlineData("pets?limit=ten", "[limit] Given data (ten) is not a valid integer")]
    [InlineData("pets?limit=0", "[limit] Given data (0) is out of the allowed range")]
    [InlineData("pets?limit=1&limit=2", "[limit] Given data (1,2) is repeated but is not an array")]
    [InlineData("pets?status=available&status=lost", "[status] Given data (lost) does not belong to the enumeration")]
    [InlineData("pets?tags=1,two", "[tags] Given data (two) is not a valid integer")]
    [InlineData("pets?ids=1%7Cx", "[ids] Given data (x) is not a valid integer")]
    [InlineData("pets?bornAfter=01%2F02%2F2024", "[bornAfter] Given data (01/02/2024) is not a valid date")]
    [InlineData("pets?tags=1&tags=2", "[tags] Given data (tags=1&tags=2) is repeated, but the document joins the values in one (style form, explode false: tags=1,2)")]
    [InlineData("pets?ids=3&ids=4", "[ids] Given data (ids=3&ids=4) is repeated, but the document joins the values in one (style pipeDelimited, explode false: ids=3|4)")]
    public async Task A_path_or_query_value_that_does_not_fit_is_refused(string relative, string message)
    {
        await using var sandbox = await PetsDocument.StartAsync();

        var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Get, relative);

        status.Should().Be(400);
        var error = JsonDocument.Parse(body).RootElement;
        error.GetProperty("errorCode").GetString().Should().Be("INVALID_PARAMETER");
        error.GetProperty("httpCode").GetString().Should().Be("400 Bad Request");
        error.GetProperty("message").GetString().Should().Be(message);
        sandbox.Emulator.Rejected.Should().ContainSingle().Which.Problem!.Message.Should().Be(message);
    }

    [Theory]
    [InlineData("pets?limit=5&status=available&status=sold&tags=1,2&ids=3%7C4&bornAfter=2024-02-01")]
    [InlineData("pets/-7")]
    public async Task Values_that_fit_are_answered(string relative)
    {
        await using var sandbox = await PetsDocument.StartAsync();

        (await PetsDocument.SendAsync(sandbox, HttpMethod.Get, relative, configure: r => PetsDocument.Header(r, "X-Request-Id", Guid.NewGuid().ToString()))).Status.Should().Be(200);
        sandbox.Emulator.Rejected.Should().BeEmpty();
    }

    [Fact]
    public async Task A_header_is_checked_like_a_query_value_and_a_required_one_must_be_present()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        var badId = await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "pets", configure: r => PetsDocument.Header(r, "X-Request-Id", "not-a-uuid"));
        var noTenant = await PetsDocument.SendAsync(sandbox, HttpMethod.Post, "pets", """{"name":"Rex"}""");

        PetsDocument.Message(badId.Body).Should().Be("[X-Request-Id] Given data (not-a-uuid) is not a valid uuid");
        PetsDocument.Message(noTenant.Body).Should().Be("Missing parameter(s): X-Tenant");
    }

    [Theory]
    [InlineData(null, "Missing parameter(s): request body")]
    [InlineData("""{"name":"Rex",""", "Invalid JSON body")]
    [InlineData("""[]""", "[body] Given data ([]) is not a valid object")]
    [InlineData("""{"status":"sold"}""", "Missing parameter(s): name")]
    [InlineData("""{"name":""}""", "[name] Given data () is shorter than 1 characters")]
    [InlineData("""{"name":"Rex","status":"lost"}""", "[status] Given data (lost) does not belong to the enumeration")]
    [InlineData("""{"name":"Rex","born":"yesterday"}""", "[born] Given data (yesterday) is not a valid datetime")]
    [InlineData("""{"name":"Rex","tags":["a",2]}""", "[tags[1]] Given data (2) is not a valid string")]
    [InlineData("""{"name":"Rex","tags":["a","b","c","d"]}""", "[tags] Given data has more than 3 items")]
    [InlineData("""{"name":"Rex","colour":"red"}""", "[colour] Unknown property: the schema allows no other properties")]
    [InlineData("""{"name":null}""", "[name] Given data (null) is not nullable")]
    public async Task A_JSON_body_that_does_not_fit_its_schema_is_refused(string? json, string message)
    {
        await using var sandbox = await PetsDocument.StartAsync();

        var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Post, "pets", json, r => PetsDocument.Header(r, "X-Tenant", "3"));

        status.Should().Be(400);
        PetsDocument.Message(body).Should().Be(message);
    }

    [Fact]
    public async Task A_JSON_body_that_fits_is_answered_with_the_success_status()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        var (status, _, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Post, "pets", """{"name":"Rex","status":"sold","born":"2024-01-15T10:00:00Z","weight":null,"tags":["a"]}""", r => PetsDocument.Header(r, "X-Tenant", "3"));

        status.Should().Be(201);
    }

    [Theory]
    [InlineData("""{"kind":"circle","radius":1.5}""", 200, null)]
    [InlineData("""{"kind":"rect","width":2,"height":3}""", 200, null)]
    [InlineData("""{"kind":"rect","radius":1.5}""", 400, "Missing parameter(s): width, height")]
    [InlineData("""{"kind":"circle","radius":"big"}""", 400, "[radius] Given data (big) is not a valid number")]
    [InlineData("""{"radius":1.5,"width":1}""", 400, "[body] Given data matches none of the oneOf alternatives (Missing parameter(s): kind)")]
    public async Task A_oneOf_body_is_checked_against_the_alternative_its_discriminator_names(string json, int expected, string? message)
    {
        await using var sandbox = await PetsDocument.StartAsync();

        var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Post, "shapes", json);

        status.Should().Be(expected);
        if (message is not null)
        {
            PetsDocument.Message(body).Should().Be(message);
        }
    }

    [Fact]
    public async Task A_body_of_an_undeclared_media_type_is_refused()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Post, "forms", configure: r => r.Content = new StringContent("<name/>", Encoding.UTF8, "application/xml"));

        status.Should().Be(400);
        PetsDocument.Message(body).Should().StartWith("Unsupported content type (application/xml; charset=utf-8)");
    }

    [Fact]
    public async Task Form_fields_are_required_and_typed()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        async Task<(int, string)> Post(Dictionary<string, string> fields)
        {
            var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Post, "forms", configure: r => r.Content = new FormUrlEncodedContent(fields));
            return (status, body);
        }

        (await Post(new() { ["name"] = "Rex", ["age"] = "3" })).Item1.Should().Be(204);
        var missing = await Post(new() { ["age"] = "3" });
        var typed = await Post(new() { ["name"] = "Rex", ["age"] = "three" });

        PetsDocument.Message(missing.Item2).Should().Be("Missing parameter(s): name");
        PetsDocument.Message(typed.Item2).Should().Be("[age] Given data (three) is not a valid integer");
    }

    [Fact]
    public async Task Multipart_parts_are_required_and_typed()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        async Task<(int Status, string Body)> Post(bool withFile, string? pages)
        {
            var content = new MultipartFormDataContent();
            if (withFile)
            {
                var file = new ByteArrayContent([1, 2, 3]);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                content.Add(file, "file", "scan.pdf");
            }

            content.Add(new StringContent("Report"), "title");
            if (pages is not null)
            {
                content.Add(new StringContent(pages), "pages");
            }

            var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Post, "uploads", configure: r => r.Content = content);
            return (status, body);
        }

        (await Post(withFile: true, pages: "12")).Status.Should().Be(204);
        PetsDocument.Message((await Post(withFile: false, pages: null)).Body).Should().Be("Missing parameter(s): file");
        PetsDocument.Message((await Post(withFile: true, pages: "many")).Body).Should().Be("[pages] Given data (many) is not a valid integer");
    }

    [Fact]
    public async Task Refusals_can_be_written_in_a_provider_format()
    {
        await using var sandbox = await PetsDocument.StartAsync(new Specs.SpecSandboxOptions
        {
            WriteError = (context, problem) =>
            {
                context.Response.StatusCode = problem.Status;
                return context.Response.WriteAsJsonAsync(new { code = problem.Code, detail = problem.Message });
            },
        });

        var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "pets/x");

        status.Should().Be(400);
        body.Should().Be("""{"code":"INVALID_PARAMETER","detail":"[petId] Given data (x) is not a valid integer"}""");
    }
}

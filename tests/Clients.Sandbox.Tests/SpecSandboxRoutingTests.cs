using System.Text;
using System.Text.Json;
using Clients.Sandbox.Specs;

namespace Clients.Sandbox.Tests;

/// <summary>Routing: the server's base path, templated paths, path-level parameters, literal before parameter, mixed segments, 404/405.</summary>
public sealed class SpecSandboxRoutingTests
{
    [Fact]
    public async Task Operations_are_served_under_the_base_path_of_the_first_server()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        sandbox.BaseAddress.AbsolutePath.Should().Be("/api/v2/");
        (await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "pets")).Status.Should().Be(200);
        using var http = new HttpClient();
        var outside = await http.GetAsync(new Uri(sandbox.HostUri, "pets"));
        ((int)outside.StatusCode).Should().Be(404);
        JsonDocument.Parse(await outside.Content.ReadAsStringAsync()).RootElement.GetProperty("errorCode").GetString().Should().Be("NOT_FOUND");
    }

    [Fact]
    public async Task The_base_path_can_be_set_by_the_options()
    {
        await using var sandbox = await PetsDocument.StartAsync(new SpecSandboxOptions { BasePath = "/" });

        sandbox.BaseAddress.Should().Be(sandbox.HostUri);
        (await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "pets/7")).Status.Should().Be(200);
    }

    [Fact]
    public async Task A_templated_path_with_a_path_level_parameter_answers_with_the_value_echoed()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "pets/42");

        status.Should().Be(200);
        JsonDocument.Parse(body).RootElement.GetProperty("petId").GetInt64().Should().Be(42);
        sandbox.Emulator.Calls.Last().Operation.Should().Be("GET /pets/{petId}");
    }

    [Fact]
    public async Task A_literal_segment_wins_over_a_parameter()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        var (status, body, _) = await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "pets/mine");

        status.Should().Be(200);
        JsonDocument.Parse(body).RootElement.TryGetProperty("count", out _).Should().BeTrue();
    }

    [Fact]
    public async Task A_segment_mixing_text_and_a_variable_is_routed_and_its_variable_validated()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        var ok = await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "files/readme.txt");
        var refused = await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "files/READ-ME.txt");

        ok.Status.Should().Be(200);
        ok.Response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        ok.Body.Should().Be("files");
        refused.Status.Should().Be(400);
        PetsDocument.Message(refused.Body).Should().Be("[name] Given data (READ-ME) does not match the pattern ^[a-z]+$");
    }

    [Fact]
    public async Task Unknown_paths_answer_404_and_undocumented_methods_405()
    {
        await using var sandbox = await PetsDocument.StartAsync();

        (await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "owners")).Status.Should().Be(404);
        (await PetsDocument.SendAsync(sandbox, HttpMethod.Put, "pets/1", "{}")).Status.Should().Be(405);
        (await PetsDocument.SendAsync(sandbox, HttpMethod.Delete, "pets/1")).Status.Should().Be(204);
    }

    [Fact]
    public async Task Templates_that_differ_only_in_variable_names_are_one_path_and_each_method_finds_the_operation_declaring_it()
    {
        // GitHub's and Trello's documents: the same wire path declared twice with different variable names, each
        // template with its own methods. A server answers every declared method; only an undeclared one gets 405.
        var document = """
            {"openapi":"3.0.1","info":{"title":"t","version":"1"},"paths":{
              "/teams/{id}/repos/{org}/{repo}":{"put":{"parameters":[
                {"name":"id","in":"path","required":true,"schema":{"type":"integer"}},
                {"name":"org","in":"path","required":true,"schema":{"type":"string"}},
                {"name":"repo","in":"path","required":true,"schema":{"type":"string"}}],
                "responses":{"204":{"description":"added"}}}},
              "/teams/{teamId}/repos/{owner}/{repo}":{"get":{"parameters":[
                {"name":"teamId","in":"path","required":true,"schema":{"type":"integer"}},
                {"name":"owner","in":"path","required":true,"schema":{"type":"string"}},
                {"name":"repo","in":"path","required":true,"schema":{"type":"string"}}],
                "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"object","properties":{"name":{"type":"string"}}}}}}}}}
            }}
            """u8.ToArray();
        await using var sandbox = await SpecSandbox.StartAsync(document, new SpecSandboxOptions { Name = "teams.json" });

        var get = await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "teams/7/repos/octo/hello");
        var put = await PetsDocument.SendAsync(sandbox, HttpMethod.Put, "teams/7/repos/octo/hello");
        var delete = await PetsDocument.SendAsync(sandbox, HttpMethod.Delete, "teams/7/repos/octo/hello");
        var badId = await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "teams/seven/repos/octo/hello");

        get.Status.Should().Be(200);
        put.Status.Should().Be(204);
        delete.Status.Should().Be(405);
        badId.Status.Should().Be(400, "the GET operation's own parameters validate its path values");
        PetsDocument.Message(badId.Body).Should().Contain("teamId");
        sandbox.Emulator.Calls.Select(c => c.Operation).Take(2).Should().Equal("GET /teams/{teamId}/repos/{owner}/{repo}", "PUT /teams/{id}/repos/{org}/{repo}");
    }

    [Fact]
    public async Task Every_form_the_generator_reads_is_served_and_an_unreadable_document_is_refused_with_a_message()
    {
        await using (var sandbox = await SpecSandbox.StartAsync([.. Encoding.UTF8.Preamble, .. PetsDocument.Bytes]))
        {
            sandbox.Emulator.OperationCount.Should().Be(11);
        }

        // Swagger 2.0 in YAML, read through the same reader RegenClients uses (upgraded to OpenAPI 3.0 in memory).
        var swagger = """
            swagger: "2.0"
            info: { title: Legacy, version: "1" }
            basePath: /v1
            paths:
              /things/{id}:
                get:
                  parameters:
                    - { name: id, in: path, required: true, type: integer }
                  responses:
                    "200": { description: ok, schema: { type: object, properties: { id: { type: integer } } } }
            """;
        await using (var sandbox = await SpecSandbox.StartAsync(Encoding.UTF8.GetBytes(swagger), new SpecSandboxOptions { Name = "legacy.yaml" }))
        {
            sandbox.Emulator.OperationCount.Should().Be(1);
            (await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "things/7")).Status.Should().Be(200);
            (await PetsDocument.SendAsync(sandbox, HttpMethod.Get, "things/seven")).Status.Should().Be(400);
        }

        var act = () => SpecSandbox.StartAsync("""{"openapi":"3.0.1","paths":{"/a":{"get":{"responses":{"200":{"$ref":"https://example.com/r.json"}}}}}}"""u8.ToArray(), new SpecSandboxOptions { Name = "remote.json" });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("remote.json: *https://example.com/r.json*");
    }

    [Fact]
    public async Task The_engine_maps_into_an_existing_host()
    {
        var emulator = new SpecEmulator(JsonDocument.Parse(PetsDocument.Bytes).RootElement, new SpecSandboxOptions { BasePath = "/mock" });
        await using var host = await Hosting.SandboxHost.StartAsync(app =>
        {
            app.MapGet("/health", () => "up");
            app.MapFallback(emulator.HandleAsync);
        });
        using var http = new HttpClient();

        (await http.GetStringAsync(new Uri(host.BaseUri, "health"))).Should().Be("up");
        ((int)(await http.GetAsync(new Uri(host.BaseUri, "mock/pets/3"))).StatusCode).Should().Be(200);
    }
}

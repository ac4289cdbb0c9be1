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
    public async Task A_document_with_a_byte_order_mark_is_read_and_a_Swagger_2_document_is_refused_with_a_message()
    {
        await using (var sandbox = await SpecSandbox.StartAsync([.. Encoding.UTF8.Preamble, .. PetsDocument.Bytes]))
        {
            sandbox.Emulator.OperationCount.Should().Be(11);
        }

        var act = () => SpecSandbox.StartAsync("""{"swagger":"2.0","paths":{}}"""u8.ToArray(), new SpecSandboxOptions { Name = "legacy.json" });

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("legacy.json: not an OpenAPI 3.x document*");
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

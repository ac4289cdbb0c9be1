using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clients.Sandbox.Optimum;
using Clients.Sandbox.Origami;
using Clients.Testing;

namespace Clients.Sandbox.Tests;

/// <summary>Origami and Optimum keep their own data, tokens and error bodies; the engine routes, validates and synthesizes the rest.</summary>
public sealed class ProviderEmulatorsOnTheEngineTests
{
    [Fact]
    public async Task Origami_answers_a_documented_operation_without_a_hand_written_route_from_its_schema()
    {
        await using var origami = await OrigamiSandbox.StartAsync();
        using var http = Authorized(origami.IssueAccessToken(), context: "1");

        var response = await http.GetAsync(new Uri(origami.BaseUri, "v1/users/groups/invitations/12"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.GetProperty("data").ValueKind.Should().Be(JsonValueKind.Object);
    }

    [Fact]
    public async Task Origami_refuses_a_value_that_does_not_fit_in_its_own_error_format_and_still_authorizes_first()
    {
        await using var origami = await OrigamiSandbox.StartAsync();
        using var http = Authorized(origami.IssueAccessToken(), context: "1");
        using var anonymous = new HttpClient();

        var refused = await http.GetAsync(new Uri(origami.BaseUri, "v1/users/groups/invitations/twelve"));
        var unauthorized = await anonymous.GetAsync(new Uri(origami.BaseUri, "v1/users/groups/invitations/twelve"));
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        error.GetProperty("status_code").GetInt32().Should().Be(400);
        error.GetProperty("errors")[0].GetProperty("detail").GetString().Should().Be("[id] Given data (twelve) is not a valid integer");
        unauthorized.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Optimum_validates_its_hand_written_routes_against_its_document()
    {
        await using var optimum = await OptimumSandbox.StartAsync();
        using var http = Authorized(optimum.IssueToken());

        var missing = await http.GetAsync(new Uri(optimum.BaseUri, "VehicleAssignments/current"));
        var badDate = await http.GetAsync(new Uri(optimum.BaseUri, "Geolocation/Trips?startDate=yesterday&endDate=2026-01-02T00:00:00Z"));
        var fine = await http.GetAsync(new Uri(optimum.BaseUri, "VehicleAssignments/current?registrationNumber=AB-123-CD"));

        missing.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await missing.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString().Should().Be("Missing parameter(s): registrationNumber");
        JsonDocument.Parse(await badDate.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString().Should().Be("[startDate] Given data (yesterday) is not a valid datetime");
        fine.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Optimum_serves_the_operations_of_a_richer_document_that_it_has_no_hand_written_route_for()
    {
        var document = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllBytes(Path.Combine(TestRepository.Root, "specs", "optimum", "swagger.json")))!;
        var paths = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(document["paths"].GetRawText())!;
        paths["/Fuel/Cards/{cardId}"] = JsonDocument.Parse("""
            {"get":{"parameters":[{"name":"cardId","in":"path","required":true,"schema":{"type":"integer"}}],
                    "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"type":"object","required":["cardId","status"],"properties":{"cardId":{"type":"integer"},"status":{"type":"string","enum":["ACTIVE","BLOCKED"]}}}}}}}}}
            """).RootElement;
        document["paths"] = JsonSerializer.SerializeToElement(paths);
        await using var optimum = await OptimumSandbox.StartAsync(new OptimumSandboxOptions { SwaggerDocument = JsonSerializer.SerializeToUtf8Bytes(document) });
        using var http = Authorized(optimum.IssueToken());
        using var anonymous = new HttpClient();

        var card = await http.GetStringAsync(new Uri(optimum.BaseUri, "Fuel/Cards/17"));
        var unauthorized = await anonymous.GetAsync(new Uri(optimum.BaseUri, "Fuel/Cards/17"));

        card.Should().Be("""{"cardId":17,"status":"ACTIVE"}""");
        unauthorized.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static HttpClient Authorized(string token, string? context = null)
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (context is not null)
        {
            http.DefaultRequestHeaders.Add("context", context);
        }

        return http;
    }
}

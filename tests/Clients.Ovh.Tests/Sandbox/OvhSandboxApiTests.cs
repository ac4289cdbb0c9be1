using System.Globalization;
using System.Net;
using System.Text.Json;
using Clients.Ovh.Tests.Support;
using Clients.Sandbox.Ovh;

namespace Clients.Ovh.Tests.Sandbox;

public sealed class OvhSandboxApiTests(OvhSandboxFixture fixture) : IClassFixture<OvhSandboxFixture>
{
    [Fact]
    public void ShapeValidator_CatchesWrongShapes()
    {
        using var schemas = JsonDocument.Parse("""{"e":{"type":"string","enum":["a"]},"o":{"type":"object","required":["x"],"properties":{"x":{"type":"integer"},"e":{"$ref":"#/components/schemas/e"}}}}""");
        using var value = JsonDocument.Parse("""{"e":"b"}""");
        using var schema = JsonDocument.Parse("""{"type":"array","items":{"$ref":"#/components/schemas/o"}}""");
        var validator = new OpenApiShapeValidator(schemas.RootElement);
        validator.Validate(value.RootElement, schema.RootElement, "$");
        validator.Errors.Should().ContainSingle().Which.Should().Contain("expected array");
        using var array = JsonDocument.Parse("""[{"x":"1","e":"b"},{}]""");
        validator.Validate(array.RootElement, schema.RootElement, "$");
        validator.Errors.Should().HaveCount(4);
    }

    [Theory]
    [InlineData("v1", "vps")]
    [InlineData("v1", "me")]
    [InlineData("v1", "domain")]
    [InlineData("v1", "dedicated/server")]
    [InlineData("v1", "hosting/web")]
    [InlineData("v1", "ip")]
    [InlineData("v2", "iam")]
    public async Task EveryGet_AnswersJsonThatFitsItsSchema(string version, string universe)
    {
        var key = fixture.Key("GET /*");
        var (checkedOperations, errors) = await OvhGetSweep.RunAsync(fixture.Sandbox, fixture.Signer, key, version, universe, await File.ReadAllBytesAsync(RepositorySpecs.OvhDocument(version, universe)));
        checkedOperations.Should().BeGreaterThan(0);
        errors.Should().BeEmpty();
    }

    [Theory]
    [InlineData("v1", "me")]
    [InlineData("v1", "domain")]
    [InlineData("v2", "iam")]
    public async Task EveryOperation_IsRouted_AndAnswersOkOrAParameterError(string version, string universe)
    {
        var key = fixture.Key("GET /*", "POST /*", "PUT /*", "DELETE /*");
        var baseUrl = version == "v1" ? fixture.Base : fixture.Sandbox.V2BaseUri.ToString();
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(RepositorySpecs.OvhDocument(version, universe)));
        var outcomes = new List<string>();
        var exercised = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                if (path.Name.StartsWith("/me/api/credential/", StringComparison.Ordinal))
                {
                    continue;
                }

                var url = baseUrl + OvhGetSweep.FillPath(path.Name, operation.Value, document.RootElement) + OvhGetSweep.RequiredQuery(operation.Value, document.RootElement);
                var body = operation.Value.TryGetProperty("requestBody", out _) ? "{}" : null;
                using var response = await fixture.Signer.SendAsync(new HttpMethod(operation.Name.ToUpperInvariant()), url, key, body);
                var text = await response.Content.ReadAsStringAsync();
                var ok = response.StatusCode == HttpStatusCode.OK
                    || (response.StatusCode == HttpStatusCode.BadRequest && text.Contains("\"INVALID_PARAMETER\"", StringComparison.Ordinal) && body is not null);
                if (!ok)
                {
                    outcomes.Add($"{operation.Name.ToUpperInvariant()} {url} -> {(int)response.StatusCode} {text}");
                }

                JsonDocument.Parse(text).Dispose();
                exercised++;
            }
        }

        exercised.Should().BeGreaterThan(20);
        outcomes.Should().BeEmpty();
    }

    [Fact]
    public async Task PathIdentifiers_AreEchoedIntoTheResult()
    {
        var key = fixture.Key("GET /*");
        using var response = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/domain/zone/example.com/record/42", key);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("id").GetInt64().Should().Be(42);
    }

    [Fact]
    public async Task MissingRequiredQueryParameters_GetBadRequest()
    {
        var key = fixture.Key("GET /*");
        using var response = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/vps/order/rule/datacenter?os=linux", key);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await OvhErrorBody.ReadAsync(response)).Message.Should().Be("Missing parameter(s): ovhSubsidiary, planCode");
    }

    [Fact]
    public async Task BadlyTypedParameters_GetBadRequest()
    {
        var key = fixture.Key("GET /*");
        using var notInteger = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/domain/zone/example.com/record/abc", key);
        notInteger.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await OvhErrorBody.ReadAsync(notInteger)).Message.Should().Contain("[id]");
        using var notInEnum = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/vps/order/rule/datacenter?ovhSubsidiary=XX&planCode=p", key);
        (await OvhErrorBody.ReadAsync(notInEnum)).Message.Should().Contain("[ovhSubsidiary]");
    }

    [Fact]
    public async Task MissingRequiredBody_GetsBadRequest()
    {
        var key = fixture.Key("PUT /*");
        using var response = await fixture.Signer.SendAsync(HttpMethod.Put, fixture.Base + "/me", key);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UnknownPath_GetsNotFound_AndUnsupportedMethod_GetsMethodNotAllowed()
    {
        var key = fixture.Key("GET /*", "PATCH /*");
        using var unknown = await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/nothing/here", key);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var method = await fixture.Signer.SendAsync(HttpMethod.Patch, fixture.Base + "/me", key, "{}");
        method.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task OperationsWithoutSecurity_AnswerUnsigned_OthersNeedLogin()
    {
        using var open = await fixture.Http.GetAsync(fixture.Base + "/vps/datacenter");
        open.StatusCode.Should().Be(HttpStatusCode.OK);
        using var closed = await fixture.Http.GetAsync(fixture.Base + "/me");
        closed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await OvhErrorBody.ReadAsync(closed)).ErrorCode.Should().Be("NOT_AUTHENTICATED");
    }

    [Fact]
    public async Task Documents_AreServedByteForByte()
    {
        var expected = await File.ReadAllBytesAsync(RepositorySpecs.OvhDocument("v1", "dedicated/server"));
        (await fixture.Http.GetByteArrayAsync(fixture.Sandbox.HostUri + "v1/dedicated/server.json?format=openapi3")).Should().Equal(expected);
        var v2 = await File.ReadAllBytesAsync(RepositorySpecs.OvhDocument("v2", "iam"));
        (await fixture.Http.GetByteArrayAsync(fixture.Sandbox.HostUri + "v2/iam.json?format=openapi3")).Should().Equal(v2);
    }

    [Theory]
    [InlineData("v1/", "v1", 6)]
    [InlineData("v1/index.json", "v1", 6)]
    [InlineData("v2/", "v2", 1)]
    public async Task Catalogue_PointsAtTheEmulator(string path, string version, int universes)
    {
        using var json = JsonDocument.Parse(await fixture.Http.GetStringAsync(fixture.Sandbox.HostUri + path));
        json.RootElement.GetProperty("basePath").GetString().Should().Be(fixture.Sandbox.HostUri + version);
        json.RootElement.GetProperty("apis").GetArrayLength().Should().Be(universes);
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("v2")]
    public async Task EveryCatalogueEntry_ResolvesToItsDocument(string version)
    {
        using var catalogue = JsonDocument.Parse(await fixture.Http.GetStringAsync(fixture.Sandbox.HostUri + version + "/"));
        var basePath = catalogue.RootElement.GetProperty("basePath").GetString();
        foreach (var api in catalogue.RootElement.GetProperty("apis").EnumerateArray())
        {
            var path = api.GetProperty("path").GetString()!;
            var served = await fixture.Http.GetByteArrayAsync(basePath + path + ".json?format=openapi3");
            var file = await File.ReadAllBytesAsync(RepositorySpecs.OvhDocument(version, path));
            served.Should().Equal(file, path);
        }
    }

    [Fact]
    public async Task TimeEndpoint_AnswersABareInteger()
    {
        var text = await fixture.Http.GetStringAsync(fixture.Base + "/auth/time");
        text.Should().Be(OvhSandboxFixture.Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task EveryResponse_CarriesAQueryId()
    {
        var key = fixture.Key("GET /me");
        var responses = new List<HttpResponseMessage>
        {
            await fixture.Http.GetAsync(fixture.Base + "/auth/time"),
            await fixture.Http.GetAsync(fixture.Base + "/me"),
            await fixture.Http.GetAsync(fixture.Sandbox.HostUri + "nowhere"),
            await fixture.Http.GetAsync(fixture.Sandbox.HostUri + "auth/?credentialToken=unknown"),
            await fixture.Http.GetAsync(fixture.Sandbox.HostUri + "v1/"),
            await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/me", key),
            await fixture.Signer.SendAsync(HttpMethod.Get, fixture.Base + "/me", key, signatureOverride: "$1$bad"),
        };
        var ids = responses.Select(r => r.Headers.GetValues("X-Ovh-Queryid").Single()).ToList();
        ids.Should().OnlyHaveUniqueItems().And.AllSatisfy(id => id.Should().StartWith("EU."));
        responses.ForEach(r => r.Dispose());
    }
}

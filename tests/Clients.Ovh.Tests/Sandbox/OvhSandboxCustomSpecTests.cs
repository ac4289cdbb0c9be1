using System.Net;
using Clients.Sandbox.Ovh;

namespace Clients.Ovh.Tests.Sandbox;

public sealed class OvhSandboxCustomSpecTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ovh-specs-").FullName;

    public OvhSandboxCustomSpecTests()
    {
        Directory.CreateDirectory(Path.Combine(directory, "v1"));
        File.WriteAllText(Path.Combine(directory, "v1", "index.json"), """
            {"apis":[{"path":"/thing","schema":"{path}.{format}","format":["json"]},{"path":"/broken","schema":"{path}.{format}","format":["json"]}],"basePath":"https://eu.api.ovh.com/v1"}
            """);
        File.WriteAllText(Path.Combine(directory, "v1", "thing.json"), """
            {"openapi":"3.0.0","paths":{"/thing/{id}":{"get":{"security":[{}],"parameters":[{"in":"path","name":"id","required":true,"schema":{"type":"integer"}}],
              "responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/thing.Node"}}}}}},
              "post":{"security":[{}],"parameters":[{"in":"path","name":"id","required":true,"schema":{"type":"integer"}}],
              "requestBody":{"content":{"application/json":{"schema":{"type":"object","properties":{"name":{"type":"string"},"parent":{"type":"integer"}}}}}},
              "responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/thing.Node"}}}}}}}},
             "components":{"schemas":{"thing.Node":{"type":"object","properties":{"id":{"type":"integer"},"name":{"type":"string"},"parent":{"$ref":"#/components/schemas/thing.Node"},"kind":{"$ref":"#/components/schemas/thing.KindEnum"}}},
               "thing.KindEnum":{"type":"string","enum":["leaf","branch"]}}}}
            """);
        File.WriteAllText(Path.Combine(directory, "v1", "broken.json"), "{ this is not json");
    }

    [Fact]
    public async Task RecursiveSchemas_StopAtTheFirstRepeat()
    {
        await using var ovh = await OvhSandbox.StartAsync(new OvhSandboxOptions { SpecDirectory = directory });
        using var http = new HttpClient();
        var key = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/*")]);
        using var response = await new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret).SendAsync(HttpMethod.Get, ovh.BaseUri + "/thing/5", key);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"id":5,"name":"name","parent":{},"kind":"leaf"}""");
    }

    [Fact]
    public async Task ACreateAnswer_EchoesOnlyBodyValuesOfTheAnswersShape()
    {
        await using var ovh = await OvhSandbox.StartAsync(new OvhSandboxOptions { SpecDirectory = directory });
        using var http = new HttpClient();
        var key = ovh.CreateConsumerKey([new OvhSandboxAccessRule("POST", "/*")]);

        // The body's `parent` is an id, the answer's a node: echoing it would give an answer that does not fit its schema.
        using var response = await new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret)
            .SendAsync(HttpMethod.Post, ovh.BaseUri + "/thing/5", key, body: """{"name":"renamed","parent":3}""");

        (await response.Content.ReadAsStringAsync()).Should().Be("""{"id":5,"name":"renamed","parent":{},"kind":"leaf"}""");
    }

    [Fact]
    public async Task AFailure_InsideTheEmulator_IsA500InOvhFormat_WithAQueryId()
    {
        await using var ovh = await OvhSandbox.StartAsync(new OvhSandboxOptions { SpecDirectory = directory });
        using var http = new HttpClient();
        var key = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/*")]);
        using var response = await new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret).SendAsync(HttpMethod.Get, ovh.BaseUri + "/broken", key);
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        response.Headers.Contains("X-Ovh-Queryid").Should().BeTrue();
        (await OvhErrorBody.ReadAsync(response)).ErrorCode.Should().Be("INTERNAL_SERVER_ERROR");
    }

    [Fact]
    public async Task AKeyOfAnotherApplication_GetsInvalidCredential()
    {
        var options = new OvhSandboxOptions { SpecDirectory = directory };
        options.Applications.Add(new OvhSandboxApplication("applicationOne01", "secretOfApplicationOne0000000001"));
        options.Applications.Add(new OvhSandboxApplication("applicationTwo02", "secretOfApplicationTwo0000000002"));
        await using var ovh = await OvhSandbox.StartAsync(options);
        using var http = new HttpClient();
        var keyOfTwo = ovh.CreateConsumerKey([new OvhSandboxAccessRule("GET", "/*")], applicationKey: "applicationTwo02");

        using var asOne = await new OvhTestSigner(http, "applicationOne01", "secretOfApplicationOne0000000001").SendAsync(HttpMethod.Get, ovh.BaseUri + "/thing/1", keyOfTwo);
        (await OvhErrorBody.ReadAsync(asOne)).ErrorCode.Should().Be("INVALID_CREDENTIAL");
        using var asTwo = await new OvhTestSigner(http, "applicationTwo02", "secretOfApplicationTwo0000000002").SendAsync(HttpMethod.Get, ovh.BaseUri + "/thing/1", keyOfTwo);
        asTwo.StatusCode.Should().Be(HttpStatusCode.OK);
        ovh.ApplicationKey.Should().Be("applicationOne01");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}

using System.Net;
using Clients.Sandbox.Ovh;

namespace Clients.Ovh.Tests.Sandbox;

/// <summary>
/// A path variable the document uses without declaring it (OVH's telephony <c>{queueId}</c>, a <c>long</c> body property)
/// is typed by the same rule as the generated method's parameter: the strict emulator refuses a value that does not fit
/// it with the 400 it gives any invalid parameter, and accepts one that does.
/// </summary>
public sealed class OvhSandboxUndeclaredPathVariableTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("ovh-specs-").FullName;

    public OvhSandboxUndeclaredPathVariableTests()
    {
        Directory.CreateDirectory(Path.Combine(directory, "v1"));
        File.WriteAllText(Path.Combine(directory, "v1", "index.json"), """
            {"apis":[{"path":"/queue","schema":"{path}.{format}","format":["json"]}],"basePath":"https://eu.api.ovh.com/v1"}
            """);
        File.WriteAllText(Path.Combine(directory, "v1", "queue.json"), """
            {"openapi":"3.0.0","paths":{"/queue/{billingAccount}/queue/{queueId}":{
              "get":{"security":[{}],"parameters":[{"in":"path","name":"billingAccount","required":true,"schema":{"type":"string"}}],
                "responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/queue.Queue"}}}}}},
              "put":{"security":[{}],"parameters":[{"in":"path","name":"billingAccount","required":true,"schema":{"type":"string"}}],
                "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/queue.Queue"}}}},
                "responses":{"200":{"description":"ok"}}}}},
             "components":{"schemas":{"queue.Queue":{"type":"object","properties":{"queueId":{"type":"integer","format":"int64"},"name":{"type":"string"}}}}}}
            """);
    }

    [Theory]
    [InlineData("GET", null)]
    [InlineData("PUT", """{"name":"support"}""")]
    public async Task A_path_value_that_does_not_fit_the_inferred_type_is_refused_and_one_that_fits_passes(string method, string? body)
    {
        await using var ovh = await OvhSandbox.StartAsync(new OvhSandboxOptions { SpecDirectory = directory });
        using var http = new HttpClient();
        var key = ovh.CreateConsumerKey([new OvhSandboxAccessRule(method, "/*")]);
        var signer = new OvhTestSigner(http, ovh.ApplicationKey, ovh.ApplicationSecret);

        using var refused = await signer.SendAsync(new HttpMethod(method), ovh.BaseUri + "/queue/ba-1/queue/forty-two", key, body: body);
        using var accepted = await signer.SendAsync(new HttpMethod(method), ovh.BaseUri + "/queue/ba-1/queue/42", key, body: body);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var error = await OvhErrorBody.ReadAsync(refused);
        error.ErrorCode.Should().Be("INVALID_PARAMETER");
        error.Message.Should().Be("[queueId] Given data (forty-two) is not a valid integer");
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}

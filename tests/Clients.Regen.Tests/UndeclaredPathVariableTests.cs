using System.Text;
using Clients.Regen.Emit;
using Clients.Regen.Model;

namespace Clients.Regen.Tests;

/// <summary>
/// A <c>{variable}</c> the path uses without the operation declaring it becomes a parameter typed like the same-named
/// scalar property of the request body, else of the success response (OVH's telephony <c>{queueId}</c> is a <c>long</c>
/// body property); anything else (no such property, an enumeration, an object) stays a string.
/// </summary>
public sealed class UndeclaredPathVariableTests
{
    private const string Document = """
        {"openapi":"3.0.0","info":{"title":"Queue","version":"1"},"paths":{
          "/queue/{billingAccount}/queue/{queueId}":{
            "put":{"parameters":[{"in":"path","name":"billingAccount","required":true,"schema":{"type":"string"}}],
              "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/queue.Queue"}}}},
              "responses":{"200":{"description":"ok"}}},
            "get":{"parameters":[{"in":"path","name":"billingAccount","required":true,"schema":{"type":"string"}}],
              "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/queue.Queue"}}}}}}},
          "/queue/{billingAccount}/agent/{agentId}/{state}/{options}/{ratio}/{active}":{
            "post":{"requestBody":{"content":{"application/json":{"schema":{"allOf":[{"$ref":"#/components/schemas/queue.Agent"}]}}}},
              "responses":{"200":{"description":"ok"}}}}},
         "components":{"schemas":{
           "queue.Queue":{"type":"object","properties":{"queueId":{"type":"integer","format":"int64"},"name":{"type":"string"}}},
           "queue.Agent":{"type":"object","properties":{"agentId":{"$ref":"#/components/schemas/queue.Id"},"state":{"$ref":"#/components/schemas/queue.State"},
             "options":{"type":"object","properties":{"a":{"type":"string"}}},"ratio":{"type":"number","format":"double"},"active":{"type":"boolean"}}},
           "queue.Id":{"type":"integer","format":"int32"},
           "queue.State":{"type":"string","enum":["on","off"]}}}}
        """;

    [Fact]
    public void An_undeclared_path_variable_takes_the_type_of_the_same_named_scalar_property_of_the_body_or_response()
    {
        var api = ClientEmitter.Emit(Providers.Ovh, [new SpecInput("v1/queue", "queue.json", Encoding.UTF8.GetBytes(Document))])["IOvhQueueApi.g.cs"];

        api.Should().Contain("UpdateQueueQueueAsync(string billingAccount, long queueId,", "the body's queueId is an int64")
            .And.Contain("GetQueueQueueAsync(string billingAccount, long queueId,", "the response's queueId is an int64")
            .And.Contain("PostQueueAgentAsync(string billingAccount, int agentId, string state, string options, double ratio, bool active,",
                "a $ref to a scalar takes its type; an enumeration or an object stays a string; a variable without a property stays a string")
            .And.Contain("<param name=\"queueId\">The 'queueId' path variable (used in the path template but not declared by the document).</param>");
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// Every operation of the served universes: authenticates (or accepts an unsigned call when the operation
/// declares no <c>security</c>), routes by path template, validates parameters, and answers with JSON
/// synthesized from the 200 response schema (<c>null</c> when the operation returns nothing).
/// </summary>
internal static class OvhApiEndpoint
{
    public static async Task HandleAsync(HttpContext context, OvhSandboxState state, OvhRequestContext request)
    {
        OvhCredential? credential = null;
        var signed = OvhRequestAuthenticator.IsSigned(context.Request);
        if (signed)
        {
            credential = await OvhRequestAuthenticator.AuthenticateAsync(context, state, request, checkRules: true).ConfigureAwait(false);
            if (credential is null)
            {
                return;
            }
        }

        var universe = state.Catalog.FindUniverse(request.Version, request.ApiPath);
        if (universe is null)
        {
            await OvhErrors.InvalidUrl(context).ConfigureAwait(false);
            return;
        }

        var document = state.Catalog.Document(request.Version, universe);
        var segments = request.ApiPath[1..].Split('/');
        var route = document.Match(segments, out var pathValues);
        if (route is null)
        {
            await OvhErrors.InvalidUrl(context).ConfigureAwait(false);
            return;
        }

        if (!route.Operations.TryGetValue(context.Request.Method, out var operation))
        {
            await OvhErrors.MethodNotAllowed(context).ConfigureAwait(false);
            return;
        }

        if (!signed && operation.TryGetProperty("security", out _))
        {
            await OvhErrors.NotAuthenticated(context).ConfigureAwait(false);
            return;
        }

        if (OvhParameterValidator.Validate(document, operation, pathValues, context.Request.Query, request.Body) is { } problem)
        {
            await OvhErrors.BadParameter(context, problem).ConfigureAwait(false);
            return;
        }

        if (credential is not null && await OvhAccountEndpoints.TryHandleAsync(context, state, credential, route.Template, pathValues).ConfigureAwait(false))
        {
            return;
        }

        var result = Synthesize(document, operation, route, pathValues);
        if (result is JsonObject created && (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)))
        {
            EchoBody(created, request.Body);
        }

        if (state.Drift != Hosting.SandboxDriftMode.None && ResponseSchema(operation) is { } schema)
        {
            result = Hosting.SandboxDrift.Apply(result, schema, document.Resolve, state.Drift);
        }

        if (credential is not null && route.Template == "/me" && HttpMethods.IsGet(context.Request.Method) && result is JsonObject me)
        {
            MergeCustomer(me, credential);
        }

        if (credential is not null && route.Template is "/domain" or "/domain/zone" && HttpMethods.IsGet(context.Request.Method)
            && CustomerOf(credential)?.Domains is { } domains)
        {
            result = new JsonArray([.. domains.Select(static d => (JsonNode)JsonValue.Create(d))]);
        }

        await OvhJson.WriteAsync(context, result).ConfigureAwait(false);
    }

    public static JsonElement? ResponseSchema(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses)
        && responses.TryGetProperty("200", out var ok)
        && ok.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/json", out var media)
        && media.TryGetProperty("schema", out var schema)
            ? schema
            : null;

    private static JsonNode? Synthesize(OvhSpecDocument document, JsonElement operation, OvhSpecRoute route, Dictionary<string, string> pathValues)
    {
        if (ResponseSchema(operation) is not { } schema)
        {
            return null;
        }

        var hint = route.Segments.LastOrDefault(static s => !s.IsParameter).Text ?? "value";
        var result = new OvhResponseSynthesizer(document).Synthesize(schema, hint);
        if (result is JsonObject obj)
        {
            // Echo the path's identifiers into same-named properties (GET /vps/{serviceName} → "serviceName": "...").
            foreach (var (name, value) in pathValues)
            {
                if (obj.ContainsKey(name))
                {
                    obj[name] = obj[name]?.GetValueKind() is JsonValueKind.Number && long.TryParse(value, out var number)
                        ? JsonValue.Create(number)
                        : JsonValue.Create(value);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// A create or update answers with what was sent: the body's properties that the response object also has
    /// (POST /domain/zone/{zoneName}/record with <c>"fieldType":"TXT"</c> answers a TXT record).
    /// </summary>
    private static void EchoBody(JsonObject result, byte[] body)
    {
        if (body.Length == 0)
        {
            return;
        }

        JsonNode? sent;
        try
        {
            sent = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return;
        }

        if (sent is JsonObject fields)
        {
            foreach (var (name, value) in fields)
            {
                // Only a value of the same shape: a body's `farmId: [1]` (ids) is not the answer's `farmId` (farm objects).
                if (result.TryGetPropertyValue(name, out var synthesized) && value is not null && SameShape(value, synthesized))
                {
                    result[name] = value.DeepClone();
                }
            }
        }
    }

    /// <summary>Same JSON kind, and for arrays the same kind of items (as far as both have some).</summary>
    private static bool SameShape(JsonNode sent, JsonNode? synthesized)
    {
        if (synthesized is null)
        {
            return true;
        }

        if (sent.GetValueKind() != synthesized.GetValueKind())
        {
            return false;
        }

        return sent is not JsonArray items || synthesized is not JsonArray { Count: > 0 } model || items.Count == 0
               || items.All(item => item is not null && SameShape(item, model[0]));
    }

    private static OvhSandboxCustomer? CustomerOf(OvhCredential credential)
    {
        lock (credential.Sync)
        {
            return credential.Customer;
        }
    }

    private static void MergeCustomer(JsonObject me, OvhCredential credential)
    {
        var customer = CustomerOf(credential);
        if (customer is null)
        {
            return;
        }

        me["nichandle"] = customer.Nichandle;
        me["email"] = customer.Email;
        me["firstname"] = customer.FirstName;
        me["name"] = customer.Name;
        me["country"] = customer.Country;
        me["customerCode"] = customer.CustomerCode;
    }
}

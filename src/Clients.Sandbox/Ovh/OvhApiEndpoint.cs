using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// Every operation of the served universes: authenticates (or accepts an unsigned call when the operation
/// declares no <c>security</c>), then lets the document-driven engine (<see cref="Specs"/>) route by path template,
/// validate the call and synthesize the answer from the 200 response schema (<c>null</c> when the operation returns
/// nothing); what is OVH's own stays here: signatures, account data, echoed bodies, error bodies.
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
        var route = document.Match(segments, context.Request.Method.ToUpperInvariant(), out var pathValues);
        if (route is null)
        {
            await OvhErrors.InvalidUrl(context).ConfigureAwait(false);
            return;
        }

        if (!route.Operations.TryGetValue(context.Request.Method.ToUpperInvariant(), out var operation))
        {
            await OvhErrors.MethodNotAllowed(context).ConfigureAwait(false);
            return;
        }

        if (!signed && operation.Element.TryGetProperty("security", out _))
        {
            await OvhErrors.NotAuthenticated(context).ConfigureAwait(false);
            return;
        }

        if (await Specs.SpecValidator.ValidateAsync(document, operation, pathValues, context.Request.Query, context.Request.Headers, context.Request.ContentType, request.Body).ConfigureAwait(false) is { } problem)
        {
            await OvhErrors.BadParameter(context, problem).ConfigureAwait(false);
            return;
        }

        if (credential is not null && await OvhAccountEndpoints.TryHandleAsync(context, state, credential, route.Template, pathValues).ConfigureAwait(false))
        {
            return;
        }

        var result = Specs.SpecEmulator.Answer(document, operation, pathValues, Hosting.SandboxDriftMode.None);
        if (result is JsonObject created && (HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)))
        {
            EchoBody(created, request.Body);
        }

        if (state.Drift != Hosting.SandboxDriftMode.None && operation.Success.Schema is { } schema)
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

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Ovh;

/// <summary><c>/auth/time</c>, <c>/auth/credential</c>, <c>/auth/currentCredential</c>, <c>/auth/logout</c> (v1 only).</summary>
internal static class OvhAuthEndpoints
{
    private static readonly HashSet<string> RuleMethods = new(StringComparer.Ordinal) { "GET", "POST", "PUT", "DELETE", "PATCH" };

    /// <summary>Handles the request when it is one of the /auth endpoints; returns false otherwise.</summary>
    public static async Task<bool> TryHandleAsync(HttpContext context, OvhSandboxState state, OvhRequestContext request)
    {
        var method = context.Request.Method;
        switch (request.ApiPath)
        {
            case "/auth/time" when method == HttpMethods.Get:
                state.CountTimeRequest();
                await OvhJson.WriteRawAsync(context, state.ServerNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
                return true;
            case "/auth/credential" when method == HttpMethods.Post:
                await RequestCredentialAsync(context, state, request).ConfigureAwait(false);
                return true;
            case "/auth/currentCredential" when method == HttpMethods.Get:
                if (await OvhRequestAuthenticator.AuthenticateAsync(context, state, request, checkRules: false).ConfigureAwait(false) is { } current)
                {
                    await OvhJson.WriteAsync(context, Describe(current)).ConfigureAwait(false);
                }

                return true;
            case "/auth/logout" when method == HttpMethods.Post:
                if (await OvhRequestAuthenticator.AuthenticateAsync(context, state, request, checkRules: false).ConfigureAwait(false) is { } loggedOut)
                {
                    lock (loggedOut.Sync)
                    {
                        loggedOut.Status = OvhSandboxCredentialStatus.Expired;
                        loggedOut.Expiration = state.ServerNow;
                    }

                    OvhSandboxLog.CredentialChanged(state.Logger, loggedOut.CredentialId, "expired");

                    await OvhJson.WriteAsync(context, null).ConfigureAwait(false);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The credential as OVH's <c>api.Credential</c> (what <c>/auth/currentCredential</c> returns).</summary>
    public static JsonObject Describe(OvhCredential credential)
    {
        lock (credential.Sync)
        {
            var rules = new JsonArray();
            foreach (var rule in credential.Rules)
            {
                rules.Add(new JsonObject { ["method"] = rule.Method, ["path"] = rule.Path });
            }

            return new JsonObject
            {
                ["allowedIPs"] = credential.AllowedIps is null ? null : new JsonArray([.. credential.AllowedIps.Select(ip => (JsonNode)JsonValue.Create(ip))]),
                ["applicationId"] = credential.ApplicationId,
                ["creation"] = OvhJson.Date(credential.Creation),
                ["credentialId"] = credential.CredentialId,
                ["expiration"] = credential.Expiration is { } e ? OvhJson.Date(e) : null,
                ["lastUse"] = credential.LastUse is { } l ? OvhJson.Date(l) : null,
                ["ovhSupport"] = false,
                ["rules"] = rules,
                ["status"] = StatusName(credential.Status),
            };
        }
    }

    public static string StatusName(OvhSandboxCredentialStatus status) => status switch
    {
        OvhSandboxCredentialStatus.Validated => "validated",
        OvhSandboxCredentialStatus.Refused => "refused",
        OvhSandboxCredentialStatus.Expired => "expired",
        _ => "pendingValidation",
    };

    private static async Task RequestCredentialAsync(HttpContext context, OvhSandboxState state, OvhRequestContext request)
    {
        if (!state.TryGetApplication(context.Request.Headers["X-Ovh-Application"].ToString(), out var application, out var applicationId))
        {
            await OvhErrors.InvalidKey(context).ConfigureAwait(false);
            return;
        }

        List<OvhSandboxAccessRule> rules = [];
        string? redirection = null;
        List<string>? allowedIps = null;
        try
        {
            using var body = JsonDocument.Parse(request.Body);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("accessRules", out var accessRules) || accessRules.ValueKind != JsonValueKind.Array)
            {
                await OvhErrors.BadParameter(context, "Missing parameter(s): accessRules").ConfigureAwait(false);
                return;
            }

            foreach (var rule in accessRules.EnumerateArray())
            {
                var method = rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty("method", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "";
                var path = rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
                if (!RuleMethods.Contains(method) || !path.StartsWith('/'))
                {
                    await OvhErrors.BadParameter(context, "[accessRules] Invalid access rule: method must be one of GET, POST, PUT, DELETE, PATCH and path must start with '/'").ConfigureAwait(false);
                    return;
                }

                rules.Add(new OvhSandboxAccessRule(method, path));
            }

            if (root.TryGetProperty("redirection", out var r) && r.ValueKind == JsonValueKind.String)
            {
                redirection = r.GetString();
            }

            if (root.TryGetProperty("allowedIPs", out var ips) && ips.ValueKind == JsonValueKind.Array)
            {
                allowedIps = [.. ips.EnumerateArray().Select(static ip => ip.GetString() ?? "")];
            }
        }
        catch (JsonException)
        {
            await OvhErrors.BadParameter(context, "Invalid JSON body").ConfigureAwait(false);
            return;
        }

        var credential = state.CreateCredential(application, applicationId, rules, redirection, allowedIps);
        var validationUrl = context.Request.Scheme + "://" + context.Request.Host.Value + "/auth/?credentialToken=" + credential.CredentialToken;
        await OvhJson.WriteAsync(context, new JsonObject
        {
            ["state"] = "pendingValidation",
            ["consumerKey"] = credential.ConsumerKey,
            ["validationUrl"] = validationUrl,
        }).ConfigureAwait(false);
    }
}

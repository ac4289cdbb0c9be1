using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// Checks a signed request the way OVH does, in this order: application key (<c>INVALID_KEY</c>),
/// consumer key header present (<c>NOT_AUTHENTICATED</c>), timestamp within tolerance (<c>QUERY_TIME_OUT</c>),
/// consumer key known (<c>NOT_CREDENTIAL</c>) and issued to this application (<c>INVALID_CREDENTIAL</c>),
/// signature (<c>INVALID_SIGNATURE</c>), key validated and not expired (<c>INVALID_CREDENTIAL</c>),
/// caller IP allowed (<c>FORBIDDEN</c>), access rules (<c>NOT_GRANTED_CALL</c>).
/// </summary>
internal static class OvhRequestAuthenticator
{
    public static bool IsSigned(HttpRequest request) =>
        request.Headers.ContainsKey("X-Ovh-Consumer") || request.Headers.ContainsKey("X-Ovh-Signature");

    /// <summary>Returns the credential when the request passes; otherwise writes OVH's error and returns null.</summary>
    public static async Task<OvhCredential?> AuthenticateAsync(HttpContext context, OvhSandboxState state, OvhRequestContext request, bool checkRules)
    {
        var headers = context.Request.Headers;
        if (!state.TryGetApplication(headers["X-Ovh-Application"].ToString(), out var application, out _))
        {
            await OvhErrors.InvalidKey(context).ConfigureAwait(false);
            return null;
        }

        var consumerKey = headers["X-Ovh-Consumer"].ToString();
        if (consumerKey.Length == 0)
        {
            await OvhErrors.NotAuthenticated(context).ConfigureAwait(false);
            return null;
        }

        var timestampText = headers["X-Ovh-Timestamp"].ToString();
        var now = state.ServerNow;
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(timestamp - now.ToUnixTimeSeconds()) > state.TimestampTolerance.TotalSeconds
            || state.ConsumeForcedTimeOut())
        {
            context.Items[OvhErrors.DetailKey] = $"timestamp '{timestampText}' vs server time {now.ToUnixTimeSeconds()} (tolerance {state.TimestampTolerance.TotalSeconds} s)";
            await OvhErrors.QueryTimeOut(context).ConfigureAwait(false);
            return null;
        }

        var credential = state.FindByConsumerKey(consumerKey);
        if (credential is null)
        {
            await OvhErrors.NotCredential(context).ConfigureAwait(false);
            return null;
        }

        if (!ReferenceEquals(credential.Application, application))
        {
            await OvhErrors.InvalidCredential(context).ConfigureAwait(false);
            return null;
        }

        var expected = OvhSandboxSignature.Compute(application.ApplicationSecret, consumerKey, context.Request.Method, request.AbsoluteUrl, request.Body, timestampText);
        if (!OvhSandboxSignature.Matches(expected, headers["X-Ovh-Signature"].ToString()))
        {
            context.Items[OvhErrors.DetailKey] = $"the signature must cover METHOD '{context.Request.Method}', URL '{request.AbsoluteUrl}', a body of {request.Body.Length} bytes and timestamp '{timestampText}'";
            await OvhErrors.InvalidSignature(context).ConfigureAwait(false);
            return null;
        }

        if (credential.StatusAt(now) != OvhSandboxCredentialStatus.Validated)
        {
            await OvhErrors.InvalidCredential(context).ConfigureAwait(false);
            return null;
        }

        if (!IsAllowedIp(credential.AllowedIps, context.Connection.RemoteIpAddress))
        {
            await OvhErrors.ForbiddenIp(context).ConfigureAwait(false);
            return null;
        }

        if (checkRules && !OvhAccessRuleMatcher.IsGranted(credential.Rules, context.Request.Method, request.RulePath))
        {
            context.Items[OvhErrors.DetailKey] = $"no rule grants {context.Request.Method} {request.RulePath}; rules: {string.Join(", ", credential.Rules.Select(static r => r.Method + " " + r.Path))}";
            await OvhErrors.NotGrantedCall(context).ConfigureAwait(false);
            return null;
        }

        lock (credential.Sync)
        {
            credential.LastUse = now;
        }

        return credential;
    }

    private static bool IsAllowedIp(IReadOnlyList<string>? allowedIps, IPAddress? remote)
    {
        if (allowedIps is null || allowedIps.Count == 0)
        {
            return true;
        }

        if (remote is null)
        {
            return false;
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        foreach (var block in allowedIps)
        {
            if (IPNetwork.TryParse(block, out var network) ? network.Contains(remote)
                : IPAddress.TryParse(block, out var single) && single.Equals(remote))
            {
                return true;
            }
        }

        return false;
    }
}

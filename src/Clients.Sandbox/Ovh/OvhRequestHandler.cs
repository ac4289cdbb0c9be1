using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// The emulator's single terminal middleware: stamps <c>X-Ovh-Queryid</c>, counts, applies latency and
/// injected faults, then dispatches to the validation page, the /auth endpoints, the documents, or the API.
/// </summary>
internal sealed class OvhRequestHandler(OvhSandboxState state)
{
    public async Task HandleAsync(HttpContext context)
    {
        var queryId = state.NextQueryId();
        context.Response.Headers["X-Ovh-Queryid"] = queryId;
        context.Items[OvhErrors.LoggerKey] = state.Logger;
        try
        {
            await DispatchAsync(context).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && !context.Response.HasStarted)
        {
            OvhSandboxLog.Failed(state.Logger, exception, context.Request.Method, context.Request.Path.Value ?? "");
            context.Response.Clear();
            context.Response.Headers["X-Ovh-Queryid"] = queryId;
            await OvhErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, "INTERNAL_SERVER_ERROR", "OVH sandbox failure: " + exception.Message).ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var queryStart = rawTarget.IndexOf('?');
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var headers = SnapshotHeaders(context.Request.Headers);
        state.CountRequest(rawPath, headers);

        var latency = state.Latency;
        if (latency > TimeSpan.Zero)
        {
            // Wall-clock delay on purpose: a fake TimeProvider would never let it end.
            await Task.Delay(latency, TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
        }

        if (rawPath == "/sandbox/stats")
        {
            await context.Response.WriteAsJsonAsync(new Dictionary<string, long>(StringComparer.Ordinal)
            {
                ["timeRequests"] = state.TimeRequests,
                ["requests"] = state.TotalRequests,
                ["faultResets"] = state.Faults.Resets,
                ["fault503"] = state.Faults.ServiceUnavailable,
                ["fault429"] = state.Faults.TooManyRequests,
            }).ConfigureAwait(false);
            return;
        }

        if (rawPath is "/auth" or "/auth/")
        {
            await OvhValidationPage.HandleAsync(context, state).ConfigureAwait(false);
            return;
        }

        if (!TrySplitPrefix(rawPath, out var prefix, out var version, out var apiPath))
        {
            await OvhErrors.InvalidUrl(context).ConfigureAwait(false);
            return;
        }

        if (state.ConsumeFault(rawPath) is { } faultStatus)
        {
            await WriteFaultAsync(context, faultStatus).ConfigureAwait(false);
            return;
        }

        if (!apiPath.StartsWith("/auth/", StringComparison.Ordinal) && await state.Faults.TryApplyAsync(context).ConfigureAwait(false))
        {
            return;
        }

        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        state.LastApiRequest = new OvhSandboxRequest(context.Request.Method, rawTarget, headers, body);
        var request = new OvhRequestContext(version, prefix, apiPath, context.Request.Scheme + "://" + context.Request.Host.Value + rawTarget, body);
        if (version == "v1" && apiPath.StartsWith("/auth/", StringComparison.Ordinal)
            && await OvhAuthEndpoints.TryHandleAsync(context, state, request).ConfigureAwait(false))
        {
            return;
        }

        if (await OvhSpecEndpoints.TryHandleAsync(context, state, request).ConfigureAwait(false))
        {
            return;
        }

        await OvhApiEndpoint.HandleAsync(context, state, request).ConfigureAwait(false);
    }

    private static bool TrySplitPrefix(string rawPath, out string prefix, out string version, out string apiPath)
    {
        foreach (var (candidate, name) in new[] { ("/1.0", "v1"), ("/v1", "v1"), ("/v2", "v2") })
        {
            if (rawPath.StartsWith(candidate, StringComparison.Ordinal) && (rawPath.Length == candidate.Length || rawPath[candidate.Length] == '/'))
            {
                prefix = candidate;
                version = name;
                apiPath = rawPath[candidate.Length..];
                return true;
            }
        }

        prefix = version = apiPath = "";
        return false;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static Dictionary<string, string> SnapshotHeaders(IHeaderDictionary headers)
    {
        var snapshot = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            snapshot[name] = values.ToString();
        }

        return snapshot;
    }

    private static Task WriteFaultAsync(HttpContext context, int status)
    {
        if (status == StatusCodes.Status429TooManyRequests)
        {
            context.Response.Headers.RetryAfter = "1";
            return OvhErrors.WriteAsync(context, status, "TOO_MANY_REQUESTS", "Too many requests, retry later");
        }

        var errorCode = status switch
        {
            StatusCodes.Status500InternalServerError => "INTERNAL_SERVER_ERROR",
            StatusCodes.Status502BadGateway => "BAD_GATEWAY",
            StatusCodes.Status503ServiceUnavailable => "SERVICE_UNAVAILABLE",
            StatusCodes.Status504GatewayTimeout => "GATEWAY_TIMEOUT",
            _ => "INJECTED_FAULT",
        };
        return OvhErrors.WriteAsync(context, status, errorCode, "Fault injected by the OVH sandbox");
    }
}

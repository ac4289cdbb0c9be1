using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Ovh;

/// <summary>Writes JSON answers (OVH answers <c>null</c> for operations without a result).</summary>
internal static class OvhJson
{
    public static Task WriteAsync(HttpContext context, JsonNode? node, int status = StatusCodes.Status200OK) =>
        WriteRawAsync(context, node?.ToJsonString(Hosting.SandboxJson.Options) ?? "null", status);

    public static async Task WriteRawAsync(HttpContext context, string json, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>OVH's date-time format, e.g. <c>2025-01-01T10:00:00+00:00</c>.</summary>
    public static string Date(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

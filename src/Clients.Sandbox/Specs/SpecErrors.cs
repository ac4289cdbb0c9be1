using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Clients.Sandbox.Specs;

/// <summary>
/// The emulators' default error body, the strict OVH emulator's:
/// <c>{"errorCode":"INVALID_PARAMETER","httpCode":"400 Bad Request","message":"..."}</c>.
/// </summary>
internal static class SpecErrors
{
    public static async Task WriteAsync(HttpContext context, int status, string errorCode, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorCode", errorCode);
            writer.WriteString("httpCode", status + " " + ReasonPhrases.GetReasonPhrase(status));
            writer.WriteString("message", message);
            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }

    public static Task WriteAsync(HttpContext context, SpecSandboxProblem problem) =>
        WriteAsync(context, problem.Status, problem.Code, problem.Message);
}

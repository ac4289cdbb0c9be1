using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// The error bodies the emulator answers with, in OVH's format
/// <c>{"errorCode":"...","httpCode":"403 Forbidden","message":"..."}</c>.
/// </summary>
internal static class OvhErrors
{
    /// <summary>Key of the request's logger in <see cref="HttpContext.Items"/>.</summary>
    public static readonly object LoggerKey = new();

    /// <summary>Key of an optional log detail (never a secret) in <see cref="HttpContext.Items"/>.</summary>
    public static readonly object DetailKey = new();

    public static Task InvalidKey(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "INVALID_KEY", "This application key is invalid");

    public static Task NotCredential(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "NOT_CREDENTIAL", "This credential does not exist");

    public static Task InvalidCredential(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "INVALID_CREDENTIAL", "This credential is not valid");

    public static Task InvalidSignature(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "INVALID_SIGNATURE", "Invalid signature");

    public static Task QueryTimeOut(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "QUERY_TIME_OUT", "Query out of time");

    public static Task NotGrantedCall(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "NOT_GRANTED_CALL", "This call has not been granted");

    public static Task ForbiddenIp(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "FORBIDDEN", "This IP is not allowed to use this credential");

    public static Task NotAuthenticated(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "NOT_AUTHENTICATED", "You must login first");

    public static Task InvalidUrl(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND", "Got an invalid (or empty) URL");

    public static Task MethodNotAllowed(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "The requested HTTP method is not allowed on this path");

    public static Task BadParameter(HttpContext context, string message) =>
        WriteAsync(context, StatusCodes.Status400BadRequest, "INVALID_PARAMETER", message);

    public static async Task WriteAsync(HttpContext context, int status, string errorCode, string message)
    {
        if (context.Items[LoggerKey] is Microsoft.Extensions.Logging.ILogger logger)
        {
            var detail = context.Items[DetailKey] as string ?? message;
            OvhSandboxLog.Rejected(logger, context.Request.Method, context.Request.Path.Value ?? "", errorCode, detail);
        }

        await Specs.SpecErrors.WriteAsync(context, status, errorCode, message).ConfigureAwait(false);
    }
}

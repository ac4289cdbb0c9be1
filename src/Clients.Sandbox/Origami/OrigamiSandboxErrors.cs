using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Origami;

/// <summary>Origami's error body: <c>{"status_code": n, "errors": [{"status", "code", "detail"}]}</c>.</summary>
public static class OrigamiSandboxErrors
{
    /// <summary>The code Origami uses for "unauthorized".</summary>
    public const string Unauthorized = "030101";

    /// <summary>An error response with one or more entries.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="errors">(code, detail) pairs.</param>
    /// <returns>The result.</returns>
    public static IResult Of(int status, params (string Code, string Detail)[] errors)
    {
        var items = new JsonArray();
        foreach (var (code, detail) in errors)
        {
            items.Add(new JsonObject { ["status"] = status, ["code"] = code, ["detail"] = detail });
        }

        return Results.Json(new JsonObject { ["status_code"] = status, ["errors"] = items }, statusCode: status);
    }
}

using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// Serves the documents themselves so RegenClients can pull from the emulator: the catalogue at
/// <c>/v1/</c> (and <c>/1.0/</c>, <c>/v2/</c>, or <c>.../index.json</c>) with <c>basePath</c> rewritten to
/// the emulator's URL, and each universe at <c>/v1/{universe}.json</c> (<c>?format=openapi3</c> accepted),
/// byte for byte as stored.
/// </summary>
internal static class OvhSpecEndpoints
{
    public static async Task<bool> TryHandleAsync(HttpContext context, OvhSandboxState state, OvhRequestContext request)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || state.Catalog.Universes(request.Version).Count == 0)
        {
            return false;
        }

        if (request.ApiPath is "" or "/" or "/index.json")
        {
            await OvhJson.WriteAsync(context, state.Catalog.Index(request.Version, context.Request.Scheme + "://" + context.Request.Host.Value + request.Prefix)).ConfigureAwait(false);
            return true;
        }

        if (!request.ApiPath.EndsWith(".json", StringComparison.Ordinal))
        {
            return false;
        }

        var universe = request.ApiPath[..^".json".Length];
        if (!state.Catalog.Universes(request.Version).Contains(universe))
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.Body.WriteAsync(state.Catalog.DocumentBytes(request.Version, universe), context.RequestAborted).ConfigureAwait(false);
        return true;
    }
}

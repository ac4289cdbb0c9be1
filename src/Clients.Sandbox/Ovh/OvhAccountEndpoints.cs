using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// The calls of <c>/me</c> that answer with the emulator's real state instead of synthesized data:
/// <c>GET /me/api/credential</c> (the ids of the keys the calling customer accepted, filterable by
/// <c>applicationId</c> and <c>status</c>), <c>GET</c> and <c>DELETE /me/api/credential/{credentialId}</c>.
/// </summary>
internal static class OvhAccountEndpoints
{
    public static async Task<bool> TryHandleAsync(HttpContext context, OvhSandboxState state, OvhCredential caller, string template, IReadOnlyDictionary<string, string> pathValues)
    {
        OvhSandboxCustomer? customer;
        lock (caller.Sync)
        {
            customer = caller.Customer;
        }

        if (customer is null || !template.StartsWith("/me/api/credential", StringComparison.Ordinal))
        {
            return false;
        }

        var method = context.Request.Method;
        var now = state.ServerNow;
        if (template == "/me/api/credential" && HttpMethods.IsGet(method))
        {
            var applicationId = context.Request.Query["applicationId"].ToString();
            var status = context.Request.Query["status"].ToString();
            var ids = new JsonArray();
            foreach (var credential in state.CredentialsOf(customer))
            {
                if ((applicationId.Length == 0 || credential.ApplicationId.ToString(CultureInfo.InvariantCulture) == applicationId)
                    && (status.Length == 0 || OvhAuthEndpoints.StatusName(credential.StatusAt(now)) == status))
                {
                    ids.Add(credential.CredentialId);
                }
            }

            await OvhJson.WriteAsync(context, ids).ConfigureAwait(false);
            return true;
        }

        if (template != "/me/api/credential/{credentialId}" || !(HttpMethods.IsGet(method) || HttpMethods.IsDelete(method)))
        {
            return false;
        }

        var id = pathValues["credentialId"];
        var target = state.CredentialsOf(customer).FirstOrDefault(c => c.CredentialId.ToString(CultureInfo.InvariantCulture) == id);
        if (target is null)
        {
            await OvhErrors.WriteAsync(context, StatusCodes.Status404NotFound, "NOT_FOUND", $"The requested object (credentialId = {id}) does not exist").ConfigureAwait(false);
            return true;
        }

        if (HttpMethods.IsDelete(method))
        {
            state.Remove(target.ConsumerKey);
            await OvhJson.WriteAsync(context, null).ConfigureAwait(false);
            return true;
        }

        target.StatusAt(now);
        await OvhJson.WriteAsync(context, OvhAuthEndpoints.Describe(target)).ConfigureAwait(false);
        return true;
    }
}

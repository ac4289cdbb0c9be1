using System.Text;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Hosting;

/// <summary>Reads OAuth2 token requests (form or JSON; client credentials in Basic or in the body), as token servers do.</summary>
public static class SandboxClientAuthentication
{
    /// <summary>Reads the request's parameters and the client credentials.</summary>
    /// <param name="request">The token request.</param>
    /// <returns>The parameters, the client id and secret, and whether Basic was used.</returns>
    public static async Task<(Dictionary<string, string> Parameters, string? ClientId, string? ClientSecret, bool UsedBasic)> ReadAsync(HttpRequest request)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync().ConfigureAwait(false);
            foreach (var (key, value) in form)
            {
                parameters[key] = value.ToString();
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var document = await System.Text.Json.JsonDocument.ParseAsync(request.Body).ConfigureAwait(false);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                parameters[property.Name] = property.Value.ValueKind == System.Text.Json.JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var raw = Encoding.UTF8.GetString(Convert.FromBase64String(authorization["Basic ".Length..].Trim()));
                var colon = raw.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    return (parameters, FormDecode(raw[..colon]), FormDecode(raw[(colon + 1)..]), true);
                }
            }
            catch (FormatException)
            {
                // Falls through to "no client credentials".
            }

            return (parameters, null, null, true);
        }

        parameters.TryGetValue("client_id", out var id);
        parameters.TryGetValue("client_secret", out var secret);
        return (parameters, id, secret, false);
    }

    /// <summary>An RFC 6749 §5.2 error response.</summary>
    /// <param name="error">The error code.</param>
    /// <param name="description">The description.</param>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The result.</returns>
    public static IResult Error(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: status);

    private static string FormDecode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}

using System.Text;
using Refit;

namespace Clients.Ovh;

/// <summary>Refit's <see cref="RefitSettings.ExceptionFactory"/> for OVH: error responses become <see cref="OvhApiException"/>.</summary>
internal static class OvhApiExceptionFactory
{
    public static async ValueTask<Exception?> CreateAsync(HttpResponseMessage response, RefitSettings settings)
    {
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var request = response.RequestMessage
            ?? throw new InvalidOperationException("The OVH response carries no request message.");
        var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        var content = bytes.Length == 0 ? null : Encoding.UTF8.GetString(bytes);
        var error = OvhError.TryParse(bytes);
        var queryId = response.Headers.TryGetValues(OvhApiException.QueryIdHeader, out var values) ? values.FirstOrDefault() : null;
        OvhSigningHandler.RemoveSecrets(request);

        return new OvhApiException(
            Describe(request, response, error, queryId),
            request,
            response.StatusCode,
            response.ReasonPhrase,
            response.Headers,
            content,
            error,
            queryId,
            settings);
    }

    internal static string Describe(HttpRequestMessage request, HttpResponseMessage response, OvhError? error, string? queryId)
    {
        var builder = new StringBuilder("OVH API call ")
            .Append(request.Method.Method).Append(' ').Append(request.RequestUri?.AbsolutePath)
            .Append(" failed: ").Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase);
        if (error?.ErrorCode is { } code)
        {
            builder.Append(", ").Append(code);
        }
        else if (error?.Class is { } @class)
        {
            builder.Append(", ").Append(@class);
        }

        if (error?.Message is { } message)
        {
            builder.Append(": ").Append(message);
        }

        if (queryId is not null)
        {
            builder.Append(" (query id ").Append(queryId).Append(')');
        }

        return builder.ToString();
    }
}

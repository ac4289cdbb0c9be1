using System.Text;
using Clients.Core;
using Refit;

namespace Clients.Ovh;

/// <summary>Refit's <see cref="RefitSettings.ExceptionFactory"/> for OVH: error responses become <see cref="OvhApiException"/>.</summary>
internal static class OvhApiExceptionFactory
{
    public static async ValueTask<Exception?> CreateAsync(HttpResponseMessage response, RefitSettings settings)
    {
        if (await FailedResponse.ReadAsync(response).ConfigureAwait(false) is not { } failure)
        {
            return null;
        }

        var (request, bytes, content) = (failure.Request, failure.Body, failure.Content);
        var error = OvhError.TryParse(bytes);
        var queryId = response.Headers.TryGetValues(OvhApiException.QueryIdHeader, out var values) ? values.FirstOrDefault() : null;
        OvhSigningHandler.RemoveSecrets(request);

        return new OvhApiException(
            Describe(request, response, error, queryId) + failure.HtmlPageNote,
            request,
            response,
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

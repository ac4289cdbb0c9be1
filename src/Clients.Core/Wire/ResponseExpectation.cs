using System.Net;
using Clients.Core.Resilience;
using Refit;

namespace Clients.Core.Wire;

/// <summary>
/// What a call expects of its response, read from the request: a streamed body (a method returning
/// <see cref="Stream"/>, <see cref="HttpContent"/> or <see cref="HttpResponseMessage"/>, or a request marked with
/// <see cref="ClientsRequestOptions.StreamResponse"/>), raw text (<see cref="string"/>), or JSON (everything else).
/// Refit's stub names the method in <see cref="HttpRequestMessageOptions.RestMethodInfo"/>; the generated
/// implementations, which never return a stream, do not.
/// </summary>
internal static class ResponseExpectation
{
    private static readonly HttpRequestOptionsKey<RestMethodInfo> RestMethod = new(HttpRequestMessageOptions.RestMethodInfo);

    /// <summary>Whether the caller reads the body as a stream: it must not be buffered.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> for a streamed response.</returns>
    public static bool Streams(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return false;
        }

        if (request.Options.TryGetValue(ClientsRequestOptions.StreamResponse, out var streams) && streams)
        {
            return true;
        }

        return ResultType(request) is { } type
            && (type == typeof(Stream) || type == typeof(HttpContent) || type == typeof(HttpResponseMessage));
    }

    /// <summary>Whether a JSON body is expected (not a stream, not raw text).</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/> unless the method returns a stream, content, a response or a string.</returns>
    public static bool ExpectsJson(HttpRequestMessage? request) =>
        !Streams(request) && ResultType(request) != typeof(string);

    /// <summary>Whether a successful response carries an HTML page where JSON was expected (a proxy, portal or maintenance page).</summary>
    /// <param name="response">The response.</param>
    /// <returns><see langword="true"/> for an HTML page answering a JSON call.</returns>
    public static bool IsUnexpectedHtml(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.NoContent || response.Content is not { } content
            || !content.Headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            return false;
        }

        foreach (var value in values)
        {
            var mediaType = value.AsSpan();
            var semicolon = mediaType.IndexOf(';');
            mediaType = (semicolon < 0 ? mediaType : mediaType[..semicolon]).Trim();
            if (mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase)
                || mediaType.Equals("application/xhtml+xml", StringComparison.OrdinalIgnoreCase))
            {
                return ExpectsJson(response.RequestMessage);
            }
        }

        return false;
    }

    private static Type? ResultType(HttpRequestMessage? request)
    {
        if (request is null || !request.Options.TryGetValue(RestMethod, out var method) || method is null)
        {
            return null;
        }

        var type = method.ReturnType;
        while (type.IsGenericType && Unwraps(type.GetGenericTypeDefinition()))
        {
            type = type.GetGenericArguments()[0];
        }

        return type;
    }

    private static bool Unwraps(Type definition) =>
        definition == typeof(Task<>) || definition == typeof(ValueTask<>) || definition == typeof(IObservable<>)
        || definition == typeof(ApiResponse<>) || definition == typeof(IApiResponse<>);
}

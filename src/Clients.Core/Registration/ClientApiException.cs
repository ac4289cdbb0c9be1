using Refit;

namespace Clients.Core;

/// <summary>
/// A provider API call failed: the base of <c>OptimumApiException</c>, <c>OvhApiException</c> and
/// <c>OrigamiApiException</c>. A Refit <see cref="ApiException"/>, so existing <c>catch (ApiException)</c> code still
/// works; each provider adds what its error bodies say.
/// </summary>
public abstract class ClientApiException : ApiException
{
    /// <summary>Creates the exception from a failed response.</summary>
    /// <param name="message">The message: what failed and where, never a secret.</param>
    /// <param name="request">The request (secrets already removed by the provider).</param>
    /// <param name="response">The failed response.</param>
    /// <param name="content">The response body, if any.</param>
    /// <param name="settings">The provider's Refit settings.</param>
    protected ClientApiException(string message, HttpRequestMessage request, HttpResponseMessage response, string? content, RefitSettings settings)
        : base(message, Require(request), request.Method, content, Require(response).StatusCode, response.ReasonPhrase, response.Headers, settings)
    {
        RetryAfter = response.Headers.RetryAfter?.Delta;
        IsHtmlPage = response.IsSuccessStatusCode && Wire.ResponseExpectation.IsUnexpectedHtml(response);
    }

    /// <summary>
    /// Whether the call "succeeded" with an HTML page where JSON was expected: a proxy, captive portal or maintenance
    /// page answered in the API's place. Not transient and not retried; the message says so.
    /// </summary>
    public bool IsHtmlPage { get; }

    /// <summary>The <c>Retry-After</c> delay of a 429 or 503, if the server sent one as a delay.</summary>
    public TimeSpan? RetryAfter { get; }

    private static T Require<T>(T value)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value);
        return value;
    }
}

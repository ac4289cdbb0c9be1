namespace Clients.Core;

/// <summary>
/// A failed response as every provider's exception factory reads it first: the request and the body's bytes
/// (read once; the content stays readable). A success status carrying an HTML page where the call expected JSON (a
/// proxy, captive portal or maintenance page answering in the API's place) is a failure too: <see cref="IsHtmlPage"/>.
/// </summary>
/// <param name="Request">The request that failed.</param>
/// <param name="Body">The response body's bytes (empty when there was none).</param>
public sealed record FailedResponse(HttpRequestMessage Request, byte[] Body)
{
    /// <summary>The body as UTF-8 text, or <see langword="null"/> when it is empty.</summary>
    public string? Content => Body.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>
    /// Whether the response is a success status whose body is an HTML page (<c>text/html</c>) where JSON was expected: not
    /// transient, not the provider's data; the exception's message says so (<see cref="HtmlPageNote"/>).
    /// </summary>
    public bool IsHtmlPage { get; init; }

    /// <summary>What a provider's exception message says about an HTML page (empty when <see cref="IsHtmlPage"/> is false).</summary>
    public string HtmlPageNote => IsHtmlPage
        ? ": an HTML page came back instead of JSON (a proxy, captive portal or maintenance page answered in the API's place)"
        : string.Empty;

    /// <summary><see langword="null"/> for a success (an HTML page answering a JSON call is no success); else the request and the body.</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The failure, or <see langword="null"/>.</returns>
    public static async Task<FailedResponse?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        var htmlPage = false;
        if (response.IsSuccessStatusCode && !(htmlPage = Wire.ResponseExpectation.IsUnexpectedHtml(response)))
        {
            return null;
        }

        var request = response.RequestMessage ?? new HttpRequestMessage();
        var bytes = response.Content is null ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new FailedResponse(request, bytes) { IsHtmlPage = htmlPage };
    }
}

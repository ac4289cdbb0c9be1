using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Clients.Regen.Sources;

/// <summary>Reads a document from a mirror file or an HTTP(S) URL, classifying every failure.</summary>
internal sealed class DocumentPuller(HttpClient http, TimeSpan timeout)
{
    /// <summary>Reads <paramref name="location"/> (a file or an http(s) URL), sending <paramref name="header"/> to a URL when given.</summary>
    public async Task<PullResult> PullAsync(string location, (string Name, string Value)? header, CancellationToken cancellationToken)
    {
        if (!location.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !location.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return File.Exists(location)
                ? PullResult.Ok(location, await File.ReadAllBytesAsync(location, cancellationToken).ConfigureAwait(false), "application/json")
                : PullResult.Failed(location, "file not found");
        }

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, location);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (header is { } h && !request.Headers.TryAddWithoutValidation(h.Name, h.Value))
            {
                return PullResult.Failed(location, $"the header '{h.Name}' cannot be sent on a request");
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return PullResult.Failed(location, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            var content = await response.Content.ReadAsByteArrayAsync(timeoutSource.Token).ConfigureAwait(false);
            return PullResult.Ok(location, content, response.Content.Headers.ContentType?.MediaType);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return PullResult.Failed(location, $"timed out after {timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex) when (ex.InnerException is SocketException || ex.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError)
        {
            return PullResult.NoNetwork(location, "unreachable: " + ex.Message);
        }
        catch (HttpRequestException ex)
        {
            return PullResult.Failed(location, ex.HttpRequestError + ": " + ex.Message);
        }
    }

    /// <summary>Whether an HTTP status means the document is absent rather than the network.</summary>
    public static bool IsNotFound(HttpStatusCode status) => status == HttpStatusCode.NotFound;
}

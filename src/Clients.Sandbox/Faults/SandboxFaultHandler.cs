using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Clients.Sandbox;

/// <summary>
/// The fault injector: a <see cref="DelegatingHandler"/> that, per request, may fail the request the way a network or
/// a proxy does (see <see cref="SandboxFaultOptions"/>) instead of, or after, passing it on. Added with
/// <see cref="SandboxFaultsHttpClientBuilderExtensions.AddSandboxFaults(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder, SandboxFaultOptions)"/>.
/// </summary>
internal sealed class SandboxFaultHandler(SandboxFaultOptions options, SandboxFaultDice dice) : DelegatingHandler
{
    private const string HtmlPage = """
        <!DOCTYPE html>
        <html><head><title>502 Bad Gateway</title></head>
        <body><h1>Bad Gateway</h1><p>The proxy server received an invalid response from an upstream server. (sandbox fault)</p></body></html>
        """;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        options.Counters.CountRequest();
        var fault = dice.Draw();
        switch (fault)
        {
            case SandboxFault.Reset:
                options.Counters.Count(fault);
                throw new HttpRequestException(
                    HttpRequestError.ConnectionError,
                    "An error occurred while sending the request: the connection was reset (sandbox fault).",
                    new IOException("Unable to write data to the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset)));
            case SandboxFault.ServiceUnavailable:
                options.Counters.Count(fault);
                return Answer(request, HttpStatusCode.ServiceUnavailable, "Service Unavailable (sandbox fault)", "text/plain", options.ServiceUnavailableRetryAfter);
            case SandboxFault.TooManyRequests:
                options.Counters.Count(fault);
                return Answer(request, HttpStatusCode.TooManyRequests, "Too Many Requests (sandbox fault)", "text/plain", options.RetryAfter);
            case SandboxFault.HtmlPage:
                options.Counters.Count(fault);
                return Answer(request, HttpStatusCode.OK, HtmlPage, "text/html", retryAfter: null);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (fault == SandboxFault.None || !response.IsSuccessStatusCode || response.Content is null)
        {
            return response;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length < 2)
        {
            return response;
        }

        options.Counters.Count(fault);
        var faulty = new SandboxFaultContent(body, fault, options.StallDuration, options.TimeProvider);
        foreach (var header in response.Content.Headers)
        {
            if (fault != SandboxFault.TruncatedChunked || !string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                faulty.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        response.Content.Dispose();
        response.Content = faulty;
        if (fault == SandboxFault.TruncatedChunked)
        {
            response.Headers.TransferEncodingChunked = true;
        }

        return response;
    }

    private static HttpResponseMessage Answer(HttpRequestMessage request, HttpStatusCode status, string body, string mediaType, TimeSpan? retryAfter)
    {
        var response = new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new StringContent(body, Encoding.UTF8, mediaType),
        };
        if (retryAfter is { } delay)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", ((long)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        return response;
    }
}

namespace Clients.Ovh;

/// <summary>
/// Sends <c>/v1/…</c> and <c>/v2/…</c> paths to the region's versioned roots (<see cref="OvhEndpoint.Rewrite"/>), whatever
/// the authentication (signature or service-account bearer token). Outermost, so every attempt carries the final URL.
/// </summary>
internal sealed class OvhEndpointHandler(OvhEndpoint endpoint) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            request.RequestUri = endpoint.Rewrite(uri);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

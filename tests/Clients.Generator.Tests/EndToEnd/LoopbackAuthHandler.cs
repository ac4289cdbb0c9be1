using System.Net.Http.Headers;

namespace Clients.Generator.Tests.EndToEnd;

/// <summary>The test provider's "auth": a bearer header from the options.</summary>
public sealed class LoopbackAuthHandler(string token) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return base.SendAsync(request, cancellationToken);
    }
}

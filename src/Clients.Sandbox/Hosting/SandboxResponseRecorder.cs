using System.Collections.Concurrent;

namespace Clients.Sandbox.Hosting;

/// <summary>
/// A client-side handler that keeps the exact bytes of every response body it sees (the body is buffered and handed
/// on unchanged), so a test can compare what the emulator sent with what a generated client writes back.
/// </summary>
/// <param name="bodies">Where the bodies go, oldest first (shared by every handler instance the client factory creates).</param>
public sealed class SandboxResponseRecorder(ConcurrentQueue<byte[]> bodies) : DelegatingHandler
{

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var copy = new ByteArrayContent(bytes);
        foreach (var header in response.Content.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = copy;
        bodies.Enqueue(bytes);
        return response;
    }
}

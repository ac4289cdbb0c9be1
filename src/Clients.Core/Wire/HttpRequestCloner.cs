namespace Clients.Core.Wire;

/// <summary>
/// The one copy of a request that every resend path sends (the bearer handler after a 401, the OVH signer after a
/// refused timestamp): same method, URI, version, headers and options, and the body's bytes in a new
/// <see cref="ByteArrayContent"/> with the original content headers except <c>Content-Length</c>, which the new content
/// computes from the bytes it carries.
/// </summary>
internal static class HttpRequestCloner
{
    /// <summary>Copies <paramref name="request"/>, reading its (buffered) body.</summary>
    /// <param name="request">The request already sent.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>A new message.</returns>
    public static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null
            ? ArraySegment<byte>.Empty
            : new ArraySegment<byte>(await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        return Clone(request, body);
    }

    /// <summary>Copies <paramref name="request"/> with <paramref name="body"/> as its body (when it has content).</summary>
    /// <param name="request">The request already sent.</param>
    /// <param name="body">The bytes its content carried; never written to.</param>
    /// <returns>A new message.</returns>
    public static HttpRequestMessage Clone(HttpRequestMessage request, ArraySegment<byte> body)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        var options = (IDictionary<string, object?>)clone.Options;
        foreach (var option in request.Options)
        {
            options[option.Key] = option.Value;
        }

        if (request.Content is { } content)
        {
            clone.Content = CreateContent(body, content.Headers);
        }

        return clone;
    }

    /// <summary>A <see cref="ByteArrayContent"/> over <paramref name="body"/> with <paramref name="headers"/> but <c>Content-Length</c>.</summary>
    /// <param name="body">The bytes.</param>
    /// <param name="headers">The original content's headers.</param>
    /// <returns>The content.</returns>
    public static ByteArrayContent CreateContent(ArraySegment<byte> body, System.Net.Http.Headers.HttpContentHeaders headers)
    {
        var content = new ByteArrayContent(body.Array ?? [], body.Offset, body.Count);
        foreach (var header in headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return content;
    }
}

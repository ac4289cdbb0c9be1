namespace Clients.Core;

/// <summary>
/// A failed response as every provider's exception factory reads it first: the request and the body's bytes
/// (read once; the content stays readable).
/// </summary>
/// <param name="Request">The request that failed.</param>
/// <param name="Body">The response body's bytes (empty when there was none).</param>
public sealed record FailedResponse(HttpRequestMessage Request, byte[] Body)
{
    /// <summary>The body as UTF-8 text, or <see langword="null"/> when it is empty.</summary>
    public string? Content => Body.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(Body);

    /// <summary><see langword="null"/> for a success; else the request and the body.</summary>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The failure, or <see langword="null"/>.</returns>
    public static async Task<FailedResponse?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var request = response.RequestMessage ?? new HttpRequestMessage();
        var bytes = response.Content is null ? [] : await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new FailedResponse(request, bytes);
    }
}

using System.Collections.Concurrent;
using System.Text.Json;

namespace Clients.Generator.Tests.Hygiene;

/// <summary>
/// The primary handler of every client in the hygiene test: a real <see cref="SocketsHttpHandler"/> that records, as
/// they go on the wire, the values of the secret headers and the tokens the token endpoints issue, so that the test
/// knows every secret it must not find anywhere else (and sees that the wire carried the real values).
/// </summary>
internal sealed class WireRecorder(ConcurrentBag<string> secrets) : DelegatingHandler(new SocketsHttpHandler())
{
    private static readonly string[] SecretHeaders = ["Authorization", "X-Ovh-Consumer", "X-Ovh-Signature"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        foreach (var name in SecretHeaders)
        {
            if (request.Headers.TryGetValues(name, out var values))
            {
                foreach (var value in values)
                {
                    secrets.Add(value);
                    var space = value.IndexOf(' ', StringComparison.Ordinal);
                    if (space > 0)
                    {
                        secrets.Add(value[(space + 1)..]); // the token alone
                    }
                }
            }
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "application/json"
            && request.RequestUri?.AbsolutePath.Contains("token", StringComparison.OrdinalIgnoreCase) == true)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            foreach (var name in new[] { "access_token", "refresh_token", "id_token" })
            {
                if (json.RootElement.TryGetProperty(name, out var token) && token.GetString() is { Length: > 0 } issued)
                {
                    secrets.Add(issued);
                }
            }
        }

        return response;
    }
}

using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Clients.Ovh.Tests.Sandbox;

/// <summary>Deliberately minimal, independent signing code, so the emulator is tested against the spec and not against the library.</summary>
internal sealed class OvhTestSigner(HttpClient http, string applicationKey, string applicationSecret)
{
    public static string Sign(string applicationSecret, string consumerKey, string method, string url, string body, string timestamp) =>
        "$1$" + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Join("+", applicationSecret, consumerKey, method, url, body, timestamp))));

    public HttpClient Http => http;

    public async Task<long> ServerTimeAsync(string baseUri)
    {
        var text = await http.GetStringAsync(new Uri(baseUri + "/auth/time"));
        return long.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>Sends a signed request to <paramref name="url"/> exactly as given (no re-escaping).</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string url, string consumerKey, string? body = null, long? timestamp = null, string? signatureOverride = null)
    {
        var uri = new Uri(url, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var ts = (timestamp ?? await ServerTimeAsync(uri.GetLeftPart(UriPartial.Authority) + "/1.0")).ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            request.Content = new StringContent(body, new MediaTypeHeaderValue("application/json"));
        }

        request.Headers.Add("X-Ovh-Application", applicationKey);
        request.Headers.Add("X-Ovh-Consumer", consumerKey);
        request.Headers.Add("X-Ovh-Timestamp", ts);
        request.Headers.Add("X-Ovh-Signature", signatureOverride ?? Sign(applicationSecret, consumerKey, method.Method, url, body ?? "", ts));
        return await http.SendAsync(request);
    }
}

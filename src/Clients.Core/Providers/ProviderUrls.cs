namespace Clients.Core;

/// <summary>URL checks shared by the validators.</summary>
internal static class ProviderUrls
{
    public static bool IsHttpUrl(Uri? url) => url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}

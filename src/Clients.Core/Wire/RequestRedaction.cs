namespace Clients.Core.Wire;

/// <summary>
/// Withholds the secrets of a request that has been sent and may now escape in an exception
/// (<c>ApiException.RequestMessage</c>, <c>ApiRequestException.RequestMessage</c>, a response's
/// <see cref="HttpResponseMessage.RequestMessage"/>): each secret header keeps its name (and an
/// <c>Authorization</c> header its scheme) with <see cref="Marker"/> as its value. The wire has carried the real value;
/// the next attempt of the same message is authenticated again by the handler.
/// </summary>
internal static class RequestRedaction
{
    /// <summary>What a withheld value reads as.</summary>
    public const string Marker = "[redacted]";

    /// <summary>The <c>Authorization</c> header's name.</summary>
    public const string AuthorizationHeader = "Authorization";

    /// <summary>Replaces the value of <c>Authorization</c> (keeping its scheme) with <see cref="Marker"/>.</summary>
    /// <param name="request">The request sent.</param>
    public static void RedactAuthorization(HttpRequestMessage request)
    {
        var headers = request.Headers;
        if (!headers.NonValidated.TryGetValues(AuthorizationHeader, out var values))
        {
            return;
        }

        string? scheme = null;
        foreach (var value in values)
        {
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            scheme = space > 0 ? value[..space] : null;
            break;
        }

        headers.Remove(AuthorizationHeader);
        headers.TryAddWithoutValidation(AuthorizationHeader, scheme is null ? Marker : scheme + " " + Marker);
    }

    /// <summary>Replaces the value of <c>Authorization</c> with a value already made (no parsing; the hot path).</summary>
    /// <param name="request">The request sent.</param>
    /// <param name="redacted">For example <c>Bearer [redacted]</c>.</param>
    public static void RedactAuthorization(HttpRequestMessage request, string redacted)
    {
        var headers = request.Headers;
        headers.Remove(AuthorizationHeader);
        headers.TryAddWithoutValidation(AuthorizationHeader, redacted);
    }

    /// <summary>Replaces the value of each of <paramref name="names"/> present with <see cref="Marker"/>.</summary>
    /// <param name="request">The request sent.</param>
    /// <param name="names">The secret headers.</param>
    public static void RedactHeaders(HttpRequestMessage request, ReadOnlySpan<string> names)
    {
        var headers = request.Headers;
        foreach (var name in names)
        {
            if (headers.Remove(name))
            {
                headers.TryAddWithoutValidation(name, Marker);
            }
        }
    }
}

using System.Net;

namespace Clients.Core.OAuth2;

/// <summary>
/// A token request failed: the server's RFC 6749 §5.2 error (<see cref="Error"/>, <see cref="ErrorDescription"/>,
/// <see cref="StatusCode"/>), an unusable response, or an unreachable endpoint. Never carries a secret.
/// </summary>
public sealed class OAuth2Exception : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">The <c>error</c> code (see <see cref="OAuth2ErrorCodes"/>).</param>
    /// <param name="errorDescription">The <c>error_description</c>, if any.</param>
    /// <param name="statusCode">The HTTP status of the token response, if there was one.</param>
    /// <param name="tokenEndpoint">The token endpoint.</param>
    /// <param name="message">The message (must not contain secrets).</param>
    /// <param name="innerException">The cause, if any.</param>
    public OAuth2Exception(string error, string? errorDescription, HttpStatusCode? statusCode, Uri? tokenEndpoint, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        ErrorDescription = errorDescription;
        StatusCode = statusCode;
        TokenEndpoint = tokenEndpoint;
    }

    /// <summary>The <c>error</c> code, for example <c>invalid_client</c>.</summary>
    public string Error { get; }

    /// <summary>The <c>error_description</c>, if the server sent one.</summary>
    public string? ErrorDescription { get; }

    /// <summary>The HTTP status of the token response, or <see langword="null"/> when no response was received.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// Whether the token endpoint was unavailable (unreachable, 5xx, 429) rather than refusing the client or grant: a
    /// later attempt may succeed without any change of configuration.
    /// </summary>
    public bool IsUnavailable => Error == OAuth2ErrorCodes.TokenEndpointUnavailable || StatusCode is HttpStatusCode.TooManyRequests || (int?)StatusCode >= 500;

    /// <summary>The token endpoint that was called.</summary>
    public Uri? TokenEndpoint { get; }
}

using System.Diagnostics;
using System.Net;
using Clients.Core.Telemetry;
using Clients.Core.Wire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clients.Core.OAuth2;

/// <summary>
/// Sends each request with <c>Authorization: Bearer</c> and a token from an <see cref="IAccessTokenProvider"/>.
/// On a 401 it renews the token once (single-flight across concurrent requests) and sends a fresh copy of the request,
/// body included; a second 401 is returned to the caller (the provider's Refit settings turn it into its typed exception).
/// Once a request has been sent (answered or failed), its <c>Authorization</c> value is withheld (<c>Bearer [redacted]</c>),
/// so that the token never escapes in an exception that keeps the request; the next attempt is authorized again.
/// </summary>
/// <remarks>Meant to be the innermost handler, so that each outer retry gets the current token.</remarks>
public sealed partial class BearerTokenHandler : DelegatingHandler
{
    private readonly IAccessTokenProvider _tokens;
    private readonly ILogger _logger;
    private readonly ClientsTelemetry? _telemetry;
    private AuthorizationHeader? _header;

    /// <summary>Creates the handler.</summary>
    /// <param name="tokens">Supplies tokens.</param>
    /// <param name="logger">A logger; tokens are never logged.</param>
    /// <param name="providerName">The provider's name, for its telemetry (<c>Clients.{Provider}</c>); none when <see langword="null"/>.</param>
    public BearerTokenHandler(IAccessTokenProvider tokens, ILogger<BearerTokenHandler>? logger = null, string? providerName = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        _tokens = tokens;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _telemetry = string.IsNullOrEmpty(providerName) ? null : ClientsTelemetry.For(providerName);
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // The hot path (no body, the cached token at hand) is one async frame, the smallest that can see a 401: its
        // state is the token's header (which knows this handler and the token), the request, the cancellation token
        // and one awaiter. The 401 renewal lives elsewhere.
        if (request.Content is null)
        {
            var pending = _tokens.GetTokenAsync(cancellationToken);
            if (pending.IsCompletedSuccessfully)
            {
                return SetAuthorization(request, pending.Result).SendAsync(request, cancellationToken);
            }

            return SendAfterTokenAsync(request, pending, cancellationToken);
        }

        return SendWithBodyAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // A 401 means sending again: the body must survive the first send (a stream would be consumed).
        await request.Content!.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        return await SetAuthorization(request, token).SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAfterTokenAsync(HttpRequestMessage request, ValueTask<AccessToken> pending, CancellationToken cancellationToken)
    {
        var token = await pending.ConfigureAwait(false);
        return await SetAuthorization(request, token).SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private Task<HttpResponseMessage> SendToInnerAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> RenewAndResendAsync(HttpRequestMessage request, AccessToken token, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        response.Dispose();
        Renewing(_logger, request.Method.Method, request.RequestUri?.AbsolutePath);
        _telemetry?.Rejections.Add(1, new KeyValuePair<string, object?>("error.type", "401"));
        using var activity = _telemetry?.ActivitySource.StartActivity("token.renew_after_401", ActivityKind.Internal);
        activity?.SetTag("http.request.method", request.Method.Method);
        var renewed = await _tokens.RenewTokenAsync(token, cancellationToken).ConfigureAwait(false);
        using var retry = await HttpRequestCloner.CloneAsync(request, cancellationToken).ConfigureAwait(false);
        var header = SetAuthorization(retry, renewed);
        try
        {
            return await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            RequestRedaction.RedactAuthorization(retry, header.Redacted);
        }
    }

    // "{type} {value}" is built once per token and handed to every request as the header's raw value: no
    // AuthenticationHeaderValue per request, and nothing to format again when the headers are written.
    private AuthorizationHeader SetAuthorization(HttpRequestMessage request, AccessToken token)
    {
        var header = Volatile.Read(ref _header);
        if (header is null || !ReferenceEquals(header.Token, token))
        {
            header = new AuthorizationHeader(this, token, token.TokenType + " " + token.Value);
            Volatile.Write(ref _header, header);
        }

        var headers = request.Headers;
        headers.Remove(AuthorizationHeaderName);
        headers.TryAddWithoutValidation(AuthorizationHeaderName, header.Value);
        return header;
    }

    private const string AuthorizationHeaderName = "Authorization";

    // The token and the header value made from it, swapped together. A class, not a record: no ToString showing the token.
    private sealed class AuthorizationHeader(BearerTokenHandler handler, AccessToken token, string value)
    {
        public AccessToken Token { get; } = token;

        public string Value { get; } = value;

        // What the header reads as once the request has been sent: the scheme, the token withheld.
        public string Redacted { get; } = token.TokenType + " " + RequestRedaction.Marker;

        // Sends a request carrying this header; a 401 renews the token once and sends a fresh copy.
        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response;
            try
            {
                response = await handler.SendToInnerAsync(request, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                RequestRedaction.RedactAuthorization(request, Redacted);
            }

            return response.StatusCode == HttpStatusCode.Unauthorized
                ? await handler.RenewAndResendAsync(request, Token, response, cancellationToken).ConfigureAwait(false)
                : response;
        }
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "{Method} {Path} answered 401: renewing the token and sending the request once more")]
    private static partial void Renewing(ILogger logger, string method, string? path);
}

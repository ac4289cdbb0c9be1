using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Clients.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clients.Core.OAuth2;

/// <summary>
/// Sends each request with <c>Authorization: Bearer</c> and a token from an <see cref="IAccessTokenProvider"/>.
/// On a 401 it renews the token once (single-flight across concurrent requests) and sends a fresh copy of the request,
/// body included; a second 401 is returned to the caller (the provider's Refit settings turn it into its typed exception).
/// </summary>
/// <remarks>Meant to be the innermost handler, so that each outer retry gets the current token.</remarks>
public sealed partial class BearerTokenHandler : DelegatingHandler
{
    private readonly IAccessTokenProvider _tokens;
    private readonly ILogger _logger;
    private readonly ClientsTelemetry? _telemetry;

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
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Content is not null)
        {
            // A 401 means sending again: the body must survive the first send (a stream would be consumed).
            await request.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        }

        var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue(token.TokenType, token.Value);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        Renewing(_logger, request.Method.Method, request.RequestUri?.AbsolutePath);
        _telemetry?.Rejections.Add(1, new KeyValuePair<string, object?>("error.type", "401"));
        using var activity = _telemetry?.ActivitySource.StartActivity("token.renew_after_401", ActivityKind.Internal);
        activity?.SetTag("http.request.method", request.Method.Method);
        var renewed = await _tokens.RenewTokenAsync(token, cancellationToken).ConfigureAwait(false);
        using var retry = await CloneAsync(request, cancellationToken).ConfigureAwait(false);
        retry.Headers.Authorization = new AuthenticationHeaderValue(renewed.TokenType, renewed.Value);
        return await base.SendAsync(retry, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<HttpRequestMessage> CloneAsync(HttpRequestMessage request, CancellationToken cancellationToken)
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

        foreach (var option in request.Options)
        {
            ((IDictionary<string, object?>)clone.Options)[option.Key] = option.Value;
        }

        if (request.Content is not null)
        {
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            clone.Content = new ByteArrayContent(body);
            foreach (var header in request.Content.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return clone;
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Information, Message = "{Method} {Path} answered 401: renewing the token and sending the request once more")]
    private static partial void Renewing(ILogger logger, string method, string? path);
}

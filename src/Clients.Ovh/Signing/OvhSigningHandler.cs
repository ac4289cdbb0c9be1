using System.Diagnostics;
using System.Globalization;
using System.Net;
using Clients.Core.Telemetry;
using Clients.Core.Wire;
using Clients.Ovh.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Clients.Ovh;

/// <summary>
/// Signs OVH requests with the application key and secret and the caller's consumer key, over the exact URL and body
/// bytes sent, at server time; re-synchronises the clock and resends a fresh, re-signed copy once when OVH rejects the
/// timestamp. Always the innermost handler, so outer retries are re-signed. (An OAuth2 service account uses Core's
/// <see cref="Clients.Core.OAuth2.BearerTokenHandler"/> instead; <see cref="OvhEndpointHandler"/> maps the URL for both.)
/// </summary>
internal sealed class OvhSigningHandler : DelegatingHandler
{
    private static readonly string[] SecretHeaders = [OvhHeaders.Consumer, OvhHeaders.Signature];
    private static readonly string[] OvhAuthHeaders = [OvhHeaders.Application, OvhHeaders.Consumer, OvhHeaders.Timestamp, OvhHeaders.Signature];
    private static readonly ClientsTelemetry Telemetry = ClientsTelemetry.For("Ovh");

    // Why the server time is being fetched: "initial" (lazily, first use) or "rejected" (a timestamp was refused).
    private static readonly AsyncLocal<string?> SyncReason = new();

    private readonly OvhEndpoint _endpoint;
    private readonly string _applicationKey;
    private readonly string _applicationSecret;
    private readonly bool _synchronizeTime;
    private readonly TimeSpan _timeSyncTimeout;
    private readonly OvhServerClock _clock;
    private readonly TimeProvider _timeProvider;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger _logger;
    private readonly Func<CancellationToken, Task<long>> _fetchServerTime;

    public OvhSigningHandler(
        IOptions<OvhOptions> options,
        OvhEndpoint endpoint,
        OvhServerClocks clocks,
        TimeProvider timeProvider,
        IServiceScopeFactory scopes,
        ILogger<OvhSigningHandler>? logger = null)
    {
        var value = options.Value;
        _endpoint = endpoint;
        _applicationKey = value.ApplicationKey ?? throw new InvalidOperationException("OVH application key is not set.");
        _applicationSecret = value.ApplicationSecret ?? throw new InvalidOperationException("OVH application secret is not set.");

        _synchronizeTime = value.SynchronizeTime;
        _timeSyncTimeout = value.TimeSyncTimeout;
        _clock = clocks.For(endpoint.BaseAddress);
        _timeProvider = timeProvider;
        _scopes = scopes;
        _logger = logger ?? NullLogger<OvhSigningHandler>.Instance;
        _fetchServerTime = FetchServerTimeAsync;
    }

    /// <summary>
    /// Withholds the consumer key, the signature and any <c>Authorization</c> of a request that is kept after sending (by
    /// an exception): the headers read <c>[redacted]</c>; the consumer key option is removed, and so is its value from
    /// the method arguments Refit records.
    /// </summary>
    internal static void RemoveSecrets(HttpRequestMessage request)
    {
        RequestRedaction.RedactAuthorization(request);
        RequestRedaction.RedactHeaders(request, SecretHeaders);
        var options = (IDictionary<string, object?>)request.Options;
        if (request.Options.TryGetValue(OvhRequestOptions.ConsumerKey, out var consumerKey))
        {
            options.Remove(OvhRequestOptions.ConsumerKeyName);
            if (!string.IsNullOrEmpty(consumerKey)
                && options.TryGetValue(Refit.HttpRequestMessageOptions.MethodArguments, out var value) && value is object?[] arguments)
            {
                for (var i = 0; i < arguments.Length; i++)
                {
                    if (arguments[i] is string argument && argument == consumerKey)
                    {
                        arguments[i] = RequestRedaction.Marker;
                    }
                }
            }
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The signature covers the URL as sent: mapped by OvhEndpointHandler already, mapped here too when used alone (idempotent).
        var uri = request.RequestUri ?? throw new InvalidOperationException("An OVH request needs an absolute RequestUri.");
        request.RequestUri = uri = _endpoint.Rewrite(uri);
        foreach (var header in OvhAuthHeaders)
        {
            request.Headers.Remove(header);
        }

        request.Headers.TryAddWithoutValidation(OvhHeaders.Application, _applicationKey);
        if (IsUnauthenticated(request, uri))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var consumerKey = await ResolveConsumerKeyAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await BufferBodyAsync(request, cancellationToken).ConfigureAwait(false);

        var deltaTask = _synchronizeTime ? _clock.GetDelta(_fetchServerTime) : null;
        var delta = deltaTask is null ? 0 : await deltaTask.WaitAsync(cancellationToken).ConfigureAwait(false);
        Sign(request, consumerKey, body, delta);

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Sent: the wire had the real values; what may escape in an exception has them withheld.
            RequestRedaction.RedactHeaders(request, SecretHeaders);
        }

        if (deltaTask is null || await ReadTimestampRejectionAsync(response, cancellationToken).ConfigureAwait(false) is not { } rejection)
        {
            return response;
        }

        OvhLog.TimestampRejected(_logger, request.Method.Method, uri.AbsolutePath, rejection.ErrorCode);
        using var resync = Telemetry.ActivitySource.StartActivity("ovh.time_resync", ActivityKind.Internal);
        resync?.SetTag("error.type", rejection.ErrorCode);
        _clock.Invalidate(deltaTask);
        SyncReason.Value = "rejected";
        long freshDelta;
        try
        {
            freshDelta = await _clock.GetDelta(_fetchServerTime).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            SyncReason.Value = null;
        }

        // The first request (and its content) has been sent: resend a new message carrying the same bytes, newly signed.
        var copy = HttpRequestCloner.Clone(request, body);
        Sign(copy, consumerKey, body, freshDelta);
        response.Dispose();
        try
        {
            return await base.SendAsync(copy, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            RequestRedaction.RedactHeaders(copy, SecretHeaders);
        }
    }

    private bool IsUnauthenticated(HttpRequestMessage request, Uri uri)
    {
        if (request.Options.TryGetValue(OvhRequestOptions.Unauthenticated, out var unauthenticated) && unauthenticated)
        {
            return true;
        }

        var path = _endpoint.RelativePath(uri);
        return (request.Method == HttpMethod.Get && path.SequenceEqual("/auth/time"))
            || (request.Method == HttpMethod.Post && path.SequenceEqual("/auth/credential"));
    }

    private async ValueTask<string> ResolveConsumerKeyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(OvhRequestOptions.ConsumerKey, out var explicitKey) && !string.IsNullOrEmpty(explicitKey))
        {
            return explicitKey;
        }

        if (OvhConsumerKey.CurrentConsumerKey is { } scopedKey)
        {
            request.Options.Set(OvhRequestOptions.ConsumerKey, scopedKey);
            return scopedKey;
        }

        if (!request.Options.TryGetValue(OvhRequestOptions.CustomerId, out var customerId) || string.IsNullOrEmpty(customerId))
        {
            customerId = OvhConsumerKey.CurrentCustomerId;
            if (customerId is not null)
            {
                request.Options.Set(OvhRequestOptions.CustomerId, customerId);
            }
        }

        // A fresh scope per lookup: the provider may be scoped (a DbContext) and this handler is pooled.
        var scope = _scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var provider = scope.ServiceProvider.GetRequiredService<IOvhConsumerKeyProvider>();
            var key = await provider.GetConsumerKeyAsync(customerId, cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(key))
            {
                throw new InvalidOperationException(customerId is null
                    ? $"No OVH consumer key for {request.Method} {request.RequestUri?.AbsolutePath}: set Ovh:ConsumerKey, call inside OvhConsumerKey.Use(...) or OvhConsumerKey.UseCustomer(...), or set OvhRequestOptions.ConsumerKey on the request."
                    : $"The {provider.GetType().Name} returned no OVH consumer key for customer '{customerId}' ({request.Method} {request.RequestUri?.AbsolutePath}). Register an IOvhConsumerKeyProvider that knows this customer.");
            }

            return key;
        }
    }

    /// <summary>Serialises the content once into memory and sends exactly those bytes, so the signature covers them.</summary>
    private static async ValueTask<ArraySegment<byte>> BufferBodyAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = request.Content;
        if (content is null)
        {
            return ArraySegment<byte>.Empty;
        }

        var length = content.Headers.ContentLength;
        using var stream = new MemoryStream(length is > 0 and < int.MaxValue ? (int)length.Value : 256);
        await content.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        var segment = stream.TryGetBuffer(out var buffer) ? buffer : new ArraySegment<byte>(stream.ToArray());
        request.Content = HttpRequestCloner.CreateContent(segment, content.Headers);
        content.Dispose();
        return segment;
    }

    private void Sign(HttpRequestMessage request, string consumerKey, ReadOnlySpan<byte> body, long delta)
    {
        var uri = request.RequestUri!;
        var url = uri.Fragment.Length == 0 ? uri.AbsoluteUri : uri.GetLeftPart(UriPartial.Query);
        var timestamp = _timeProvider.GetUtcNow().ToUnixTimeSeconds() + delta;
        var signature = OvhSignature.Compute(_applicationSecret, consumerKey, request.Method.Method, url, body, timestamp);

        var headers = request.Headers;
        foreach (var header in SecretHeaders)
        {
            headers.Remove(header);
        }

        headers.Remove(OvhHeaders.Timestamp);
        headers.TryAddWithoutValidation(OvhHeaders.Consumer, consumerKey);
        headers.TryAddWithoutValidation(OvhHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        headers.TryAddWithoutValidation(OvhHeaders.Signature, signature);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            OvhLog.RequestSigned(_logger, request.Method.Method, uri.AbsolutePath, timestamp);
        }
    }

    private static async ValueTask<OvhError?> ReadTimestampRejectionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if ((int)response.StatusCode is not (400 or 401 or 403))
        {
            return null;
        }

        // Buffered, so the caller (Refit's exception factory) can still read the body.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var error = OvhError.TryParse(bytes);
        if (error?.ErrorCode is { Length: > 0 } code && (error.IsTimestampRejection || error.Code == OvhErrorCode.InvalidSignature))
        {
            // The error code only (QUERY_TIME_OUT, INVALID_SIGNATURE): never the signature, key or timestamp sent.
            Telemetry.Rejections.Add(1, new KeyValuePair<string, object?>("error.type", code));
        }

        return error is { IsTimestampRejection: true } ? error : null;
    }

    private async Task<long> FetchServerTimeAsync(CancellationToken cancellationToken)
    {
        var reason = SyncReason.Value ?? "initial";
        using var activity = Telemetry.ActivitySource.StartActivity("ovh.time_sync", ActivityKind.Client);
        activity?.SetTag("clients.sync.reason", reason);
        activity?.SetTag("server.address", _endpoint.TimeUri.Host);
        OvhTelemetry.TimeSyncs.Add(1, new KeyValuePair<string, object?>("clients.sync.reason", reason));
        try
        {
            using var timeout = new CancellationTokenSource(_timeSyncTimeout, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, _endpoint.TimeUri);
            request.Headers.TryAddWithoutValidation(OvhHeaders.Application, _applicationKey);
            using var response = await base.SendAsync(request, linked.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(
                    $"Could not read the OVH server time: GET {_endpoint.TimeUri} answered {(int)response.StatusCode} {response.ReasonPhrase}.",
                    null,
                    response.StatusCode);
            }

            if (!long.TryParse(text.AsSpan().Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var serverTime))
            {
                throw new HttpRequestException($"Could not read the OVH server time: GET {_endpoint.TimeUri} did not answer a Unix time.");
            }

            OvhLog.ServerTimeSynchronized(_logger, _endpoint.Authority, serverTime - _timeProvider.GetUtcNow().ToUnixTimeSeconds());
            return serverTime;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            activity?.SetTag("error.type", ex.GetType().FullName);
            OvhLog.ServerTimeFailed(_logger, _endpoint.Authority, ex);
            throw;
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clients.Core.Telemetry;

/// <summary>
/// The one logging handler of every provider client, in place of <see cref="IHttpClientFactory"/>'s two default ones:
/// at <see cref="LogLevel.Debug"/>, each request's start (method, URI without its query string), its end (status code,
/// elapsed milliseconds from <see cref="TimeProvider"/> timestamps) or its failure (the exception). Never a header, a
/// query string or a body.
/// </summary>
/// <remarks>
/// It is the outermost handler of the client (outside any resilience pipeline), so it logs the call as the caller sees
/// it: one start and one end, whatever the retries in between. When its category does not log at
/// <see cref="LogLevel.Debug"/> (the usual production setting), it hands the request on as it is: no async frame, nothing
/// allocated.
/// </remarks>
internal sealed partial class ClientsHttpLoggingHandler : DelegatingHandler
{
    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    /// <param name="logger">The client's logger.</param>
    /// <param name="time">Where elapsed times are measured.</param>
    public ClientsHttpLoggingHandler(ILogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(time);
        _logger = logger;
        _time = time;
    }

    /// <summary>The log category of a provider client: <c>Clients.{Provider}.Http.{Interface}</c>.</summary>
    /// <param name="providerName">The provider's name.</param>
    /// <param name="api">The client's Refit interface.</param>
    /// <returns>The category.</returns>
    internal static string Category(string providerName, Type api) => ClientsTelemetry.NamePrefix + providerName + ".Http." + api.Name;

    /// <summary>Creates the handler of a client from the container's logger factory and time provider.</summary>
    /// <param name="services">The container.</param>
    /// <param name="category">The client's log category (<see cref="Category"/>).</param>
    /// <returns>The handler.</returns>
    internal static ClientsHttpLoggingHandler Create(IServiceProvider services, string category)
    {
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(category) ?? NullLogger.Instance;
        return new ClientsHttpLoggingHandler(logger, services.GetService<TimeProvider>() ?? TimeProvider.System);
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _logger.IsEnabled(LogLevel.Debug)
            ? SendAndLogAsync(request, cancellationToken)
            : base.SendAsync(request, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAndLogAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = request.Method.Method;
        var uri = WithoutQuery(request.RequestUri);
        RequestStart(_logger, method, uri);
        var started = _time.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            RequestEnd(_logger, method, uri, (int)response.StatusCode, _time.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception exception)
        {
            RequestFailed(_logger, method, uri, _time.GetElapsedTime(started).TotalMilliseconds, exception);
            throw;
        }
    }

    /// <summary>
    /// The URI as logged: scheme, host, non-default port and path; never the query string, the fragment or user info.
    /// </summary>
    /// <param name="uri">The request URI.</param>
    /// <returns>What is logged.</returns>
    internal static string? WithoutQuery(Uri? uri)
    {
        if (uri is null)
        {
            return null;
        }

        if (uri.IsAbsoluteUri)
        {
            return uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        }

        var text = uri.OriginalString;
        var end = text.AsSpan().IndexOfAny('?', '#');
        return end < 0 ? text : text[..end];
    }

    [LoggerMessage(EventId = 1501, Level = LogLevel.Debug, Message = "Sending HTTP {Method} {Uri}")]
    private static partial void RequestStart(ILogger logger, string method, string? uri);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Debug, Message = "HTTP {Method} {Uri} answered {StatusCode} after {ElapsedMilliseconds:0.0} ms")]
    private static partial void RequestEnd(ILogger logger, string method, string? uri, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Debug, Message = "HTTP {Method} {Uri} failed after {ElapsedMilliseconds:0.0} ms")]
    private static partial void RequestFailed(ILogger logger, string method, string? uri, double elapsedMilliseconds, Exception exception);
}

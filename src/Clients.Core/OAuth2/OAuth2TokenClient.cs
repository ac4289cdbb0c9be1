using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Clients.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clients.Core.OAuth2;

/// <summary>
/// Requests OAuth2 tokens (client credentials, password, refresh token) from one token endpoint.
/// RFC 6749 errors become an <see cref="OAuth2Exception"/> and are never retried; transport failures and 5xx are
/// retried a bounded number of times with a doubling delay measured on the <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>Usable on its own: give it an <see cref="HttpClient"/> (no base address needed) and options.</remarks>
public sealed class OAuth2TokenClient
{
    private readonly HttpClient _httpClient;
    private readonly OAuth2TokenClientOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Uri _tokenEndpoint;
    private readonly ClientsTelemetry _telemetry;

    /// <summary>Creates a token client.</summary>
    /// <param name="httpClient">The HTTP client used to reach the token endpoint.</param>
    /// <param name="options">The endpoint and client credentials.</param>
    /// <param name="timeProvider">The clock (receipt time of tokens, retry delays).</param>
    /// <param name="logger">A logger; secrets are never logged.</param>
    public OAuth2TokenClient(HttpClient httpClient, OAuth2TokenClientOptions options, TimeProvider? timeProvider = null, ILogger<OAuth2TokenClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TokenEndpoint is null || !options.TokenEndpoint.IsAbsoluteUri)
        {
            throw new ArgumentException($"{options.ProviderName}: the token endpoint must be an absolute URI.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.ClientId))
        {
            throw new ArgumentException($"{options.ProviderName}: the client id is required.", nameof(options));
        }

        _httpClient = httpClient;
        _options = options;
        _tokenEndpoint = options.TokenEndpoint;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _telemetry = ClientsTelemetry.For(options.ProviderName);
    }

    /// <summary>The options this client uses.</summary>
    public OAuth2TokenClientOptions Options => _options;

    /// <summary>Requests a token.</summary>
    /// <param name="request">The grant.</param>
    /// <param name="cancellationToken">Cancels the request and any retry delay.</param>
    /// <returns>The token.</returns>
    /// <exception cref="OAuth2Exception">The server refused, answered unusably, or could not be reached.</exception>
    public async Task<OAuth2Token> RequestTokenAsync(OAuth2TokenRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var maxRetries = Math.Max(0, _options.MaxRetries);
        for (var attempt = 0; ; attempt++)
        {
            OAuth2TokenClientLog.Requesting(_logger, _options.ProviderName, request.GrantType, _tokenEndpoint, _options.ClientId, attempt + 1);
            HttpResponseMessage response;
            using var message = BuildRequest(request);
            var started = _timeProvider.GetTimestamp();
            try
            {
                response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsTransportFailure(ex, cancellationToken))
            {
                Record(request.GrantType, "unavailable", started, null);
                if (attempt < maxRetries)
                {
                    OAuth2TokenClientLog.TransportFailureRetrying(_logger, _options.ProviderName, _tokenEndpoint, ex.GetType().Name, attempt + 1);
                    await DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                OAuth2TokenClientLog.Failed(_logger, _options.ProviderName, _tokenEndpoint, OAuth2ErrorCodes.TokenEndpointUnavailable, null);
                throw new OAuth2Exception(
                    OAuth2ErrorCodes.TokenEndpointUnavailable,
                    null,
                    null,
                    _tokenEndpoint,
                    $"{_options.ProviderName}: the token endpoint {_tokenEndpoint} is unavailable: it could not be reached after {attempt + 1} attempt(s) ({ex.GetType().Name}).",
                    ex);
            }

            using (response)
            {
                Record(request.GrantType, response.IsSuccessStatusCode ? "success" : IsUnavailableStatus(response.StatusCode) ? "unavailable" : "refused", started, (int)response.StatusCode);
                if ((int)response.StatusCode >= 500 && attempt < maxRetries)
                {
                    OAuth2TokenClientLog.ServerErrorRetrying(_logger, _options.ProviderName, _tokenEndpoint, (int)response.StatusCode, attempt + 1);
                    await DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                return response.IsSuccessStatusCode
                    ? ParseToken(body, response.StatusCode)
                    : throw CreateError(body, response.StatusCode, attempt + 1);
            }
        }
    }

    private void Record(string grantType, string outcome, long started, int? status)
    {
        var tags = new TagList
        {
            { "clients.outcome", outcome },
            { "oauth2.grant_type", grantType },
            { "server.address", _tokenEndpoint.Host },
        };
        if (status is { } code)
        {
            tags.Add("http.response.status_code", code);
        }

        _telemetry.TokenRequests.Add(1, tags);
        _telemetry.TokenRequestDuration.Record(_timeProvider.GetElapsedTime(started).TotalSeconds, tags);
        Activity.Current?.AddEvent(new ActivityEvent("token.response", tags: new ActivityTagsCollection(tags)));
    }

    private static bool IsUnavailableStatus(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    private static bool IsTransportFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private Task DelayAsync(int attempt, CancellationToken cancellationToken)
    {
        var delay = _options.RetryDelay * Math.Pow(2, attempt);
        return delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, _timeProvider, cancellationToken);
    }

    private HttpRequestMessage BuildRequest(OAuth2TokenRequest request)
    {
        var parameters = new List<KeyValuePair<string, string>>(request.Parameters());
        var message = new HttpRequestMessage(HttpMethod.Post, _tokenEndpoint);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (_options.ClientAuthentication == OAuth2ClientAuthentication.ClientSecretBasic)
        {
            // RFC 6749 §2.3.1: id and secret are form-encoded before being joined and base64-encoded.
            var raw = FormEncode(_options.ClientId) + ":" + FormEncode(_options.ClientSecret ?? string.Empty);
            message.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)));
        }
        else
        {
            parameters.Add(new("client_id", _options.ClientId));
            if (_options.ClientSecret is not null)
            {
                parameters.Add(new("client_secret", _options.ClientSecret));
            }
        }

        message.Content = _options.RequestFormat == OAuth2RequestFormat.Json
            ? JsonBody(parameters)
            : new FormUrlEncodedContent(parameters);
        return message;
    }

    private static string FormEncode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    private static ByteArrayContent JsonBody(List<KeyValuePair<string, string>> parameters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in parameters)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private OAuth2Token ParseToken(byte[] body, HttpStatusCode status)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body);
            root = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw InvalidResponse(status, "the body is not JSON");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw InvalidResponse(status, "the body is not a JSON object");
        }

        var accessToken = ReadString(root, "access_token");
        if (string.IsNullOrEmpty(accessToken))
        {
            throw InvalidResponse(status, "it has no access_token");
        }

        TimeSpan? expiresIn = null;
        if (root.TryGetProperty("expires_in", out var expires) && expires.ValueKind != JsonValueKind.Null)
        {
            if (expires.ValueKind == JsonValueKind.Number && expires.TryGetDouble(out var seconds) && seconds >= 0)
            {
                expiresIn = TimeSpan.FromSeconds(seconds);
            }
            else if (expires.ValueKind == JsonValueKind.String && double.TryParse(expires.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0)
            {
                expiresIn = TimeSpan.FromSeconds(parsed);
            }
            else
            {
                throw InvalidResponse(status, "its expires_in is not a non-negative number of seconds");
            }
        }

        expiresIn ??= _options.DefaultTokenLifetime ?? throw InvalidResponse(status, "it has no expires_in and no default token lifetime is configured");

        var token = new OAuth2Token(
            accessToken,
            ReadString(root, "token_type") ?? "Bearer",
            expiresIn,
            ReadString(root, "refresh_token"),
            ReadString(root, "scope"),
            _timeProvider.GetUtcNow());
        OAuth2TokenClientLog.Received(_logger, _options.ProviderName, _tokenEndpoint, expiresIn.Value.TotalSeconds, token.RefreshToken is not null);
        return token;
    }

    private OAuth2Exception CreateError(byte[] body, HttpStatusCode status, int attempts)
    {
        string? error = null;
        string? description = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                error = ReadString(document.RootElement, "error");
                description = ReadString(document.RootElement, "error_description");
            }
        }
        catch (JsonException)
        {
            // Not an RFC 6749 error body: reported below by status alone.
        }

        var code = (int)status;
        var unavailable = IsUnavailableStatus(status);
        error ??= unavailable ? OAuth2ErrorCodes.TokenEndpointUnavailable : OAuth2ErrorCodes.InvalidTokenResponse;
        OAuth2TokenClientLog.Failed(_logger, _options.ProviderName, _tokenEndpoint, error, code);

        // "Refused" only for an answer about the client or grant (4xx); a 5xx or 429 says nothing about them.
        var message = new StringBuilder().Append(_options.ProviderName).Append(": the token endpoint ").Append(_tokenEndpoint);
        if (unavailable)
        {
            message.Append(" is unavailable: HTTP ").Append(code).Append(' ').Append(error).Append(" after ").Append(attempts).Append(" attempt(s)");
        }
        else
        {
            message.Append(" refused client '").Append(_options.ClientId).Append("' with HTTP ").Append(code).Append(' ').Append(error);
        }

        if (!string.IsNullOrEmpty(description))
        {
            message.Append(" (").Append(description).Append(')');
        }

        return new OAuth2Exception(error, description, status, _tokenEndpoint, message.Append('.').ToString());
    }

    private OAuth2Exception InvalidResponse(HttpStatusCode status, string why)
    {
        OAuth2TokenClientLog.Failed(_logger, _options.ProviderName, _tokenEndpoint, OAuth2ErrorCodes.InvalidTokenResponse, (int)status);
        return new OAuth2Exception(
            OAuth2ErrorCodes.InvalidTokenResponse,
            null,
            status,
            _tokenEndpoint,
            $"{_options.ProviderName}: the token endpoint {_tokenEndpoint} answered HTTP {(int)status} with an unusable token response: {why}.");
    }

    private static string? ReadString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

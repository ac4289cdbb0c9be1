using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Clients.Ovh.Tests.Support;

/// <summary>
/// A small loopback OVH stand-in for the handler's unit tests: it records exactly what arrives (raw request target,
/// headers, body bytes), serves <c>/auth/time</c> with a settable skew, and checks the signature with
/// <see cref="NaiveOvhSignature"/> over <c>scheme://host</c> + the raw target, and the timestamp (60 s tolerance).
/// </summary>
internal sealed class OvhStubServer : IAsyncDisposable
{
    public const string ApplicationKey = "stubAppKey000001";
    public const string ApplicationSecret = "stubAppSecret0000000000000000001";

    private readonly WebApplication _app;
    public const string ServiceAccountId = "EU.stub-service-account";
    public const string ServiceAccountSecret = "stubServiceAccountSecret00000001";

    private int _timeRequests;
    private int _tokenRequests;
    private int _failTimeRequests;

    /// <summary>The next <paramref name="count"/> <c>/auth/time</c> requests answer 503.</summary>
    public void FailTimeRequests(int count) => Volatile.Write(ref _failTimeRequests, count);

    private OvhStubServer(WebApplication app, Uri host)
    {
        _app = app;
        HostUri = host;
    }

    public Uri HostUri { get; }

    public Uri BaseUri => new(HostUri, "/1.0");

    public TimeSpan Skew { get; set; }

    /// <summary>Artificial delay of <c>/auth/time</c>, so concurrent first callers really overlap.</summary>
    public TimeSpan TimeLatency { get; set; }

    public int TimeRequests => Volatile.Read(ref _timeRequests);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public ConcurrentDictionary<string, bool> RejectedTokens { get; } = new();

    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    public static async Task<OvhStubServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        OvhStubServer? stub = null;
        app.Run(context => stub!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        stub = new OvhStubServer(app, new Uri(address));
        return stub;
    }

    public long ServerNow => DateTimeOffset.UtcNow.Add(Skew).ToUnixTimeSeconds();

    private async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var url = $"{context.Request.Scheme}://{context.Request.Host}{rawTarget}";
        var record = new StubRequest(context.Request.Method, rawTarget, url, headers, body);
        Requests.Enqueue(record);

        if (rawTarget.EndsWith("/auth/time", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _timeRequests);
            if (Interlocked.Decrement(ref _failTimeRequests) >= 0)
            {
                context.Response.StatusCode = 503;
                return;
            }

            if (TimeLatency > TimeSpan.Zero)
            {
                await Task.Delay(TimeLatency);
            }

            await context.Response.WriteAsync(ServerNow.ToString(CultureInfo.InvariantCulture));
            return;
        }

        if (rawTarget.EndsWith("/auth/oauth2/token", StringComparison.Ordinal))
        {
            var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ServiceAccountId + ":" + ServiceAccountSecret));
            var form = Encoding.UTF8.GetString(body);
            if (headers.GetValueOrDefault("Authorization") != basic || !form.Contains("grant_type=client_credentials", StringComparison.Ordinal)
                || !form.Contains("scope=all", StringComparison.Ordinal))
            {
                await WriteJsonAsync(context, 401, new { error = "invalid_client" });
                return;
            }

            var token = "tok-" + Interlocked.Increment(ref _tokenRequests);
            await WriteJsonAsync(context, 200, new { access_token = token, token_type = "Bearer", expires_in = 3600 });
            return;
        }

        if (headers.TryGetValue("Authorization", out var authorization) && authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            var bearer = authorization["Bearer ".Length..];
            if (RejectedTokens.ContainsKey(bearer))
            {
                await WriteJsonAsync(context, 401, new { @class = "Client::Unauthorized", message = "token expired" });
                return;
            }

            await WriteJsonAsync(context, 200, new { signed = false, path = rawTarget, bearer });
            return;
        }

        if (!headers.TryGetValue(OvhHeaders.Signature, out var signature))
        {
            await WriteJsonAsync(context, 200, new { signed = false, path = rawTarget });
            return;
        }

        var timestamp = headers.GetValueOrDefault(OvhHeaders.Timestamp) ?? "";
        if (!long.TryParse(timestamp, CultureInfo.InvariantCulture, out var ts) || Math.Abs(ts - ServerNow) > 60)
        {
            await WriteJsonAsync(context, 400, new { errorCode = "QUERY_TIME_OUT", httpCode = "400 Bad Request", message = "Query out of time" });
            return;
        }

        var consumerKey = headers.GetValueOrDefault(OvhHeaders.Consumer) ?? "";
        var expected = NaiveOvhSignature.Compute(ApplicationSecret, consumerKey, context.Request.Method, url, Encoding.UTF8.GetString(body), timestamp);
        if (expected != signature)
        {
            await WriteJsonAsync(context, 400, new { errorCode = "INVALID_SIGNATURE", httpCode = "400 Bad Request", message = "Invalid signature" });
            return;
        }

        await WriteJsonAsync(context, 200, new { signed = true, path = rawTarget, consumerKey });
    }

    private static Task WriteJsonAsync(HttpContext context, int status, object value)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["X-Ovh-Queryid"] = "STUB.query." + Guid.NewGuid().ToString("N");
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(value));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record StubRequest(string Method, string RawTarget, string Url, IReadOnlyDictionary<string, string> Headers, byte[] Body);

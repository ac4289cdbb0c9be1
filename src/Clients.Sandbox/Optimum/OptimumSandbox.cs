using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using Clients.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Clients.Sandbox.Optimum;

/// <summary>
/// An Optimum Automotive emulator on loopback: an IdentityServer-like <c>/connect/token</c> (client credentials; Basic or
/// body client authentication; RFC 6749 errors) and the API routes of <c>specs/optimum/swagger.json</c>, each requiring a
/// valid bearer token; the swagger document itself (bearer-protected); counters and fault knobs for tests.
/// </summary>
public sealed class OptimumSandbox : IAsyncDisposable
{
    private readonly SandboxHost _host;
    private readonly OptimumSandboxOptions _options;
    private readonly SandboxTokens _tokens;
    private readonly byte[]? _swagger;
    private Specs.SpecEmulator? _engine;
    private int _drift;
    private readonly object _rateGate = new();
    private int _tokenRequests;
    private int _apiCalls;
    private int _unauthorizedOnDemand;
    private int _tokenFailuresOnDemand;
    private DateTimeOffset _rateWindowStart;
    private int _rateWindowCount;

    private OptimumSandbox(SandboxHost host, OptimumSandboxOptions options, SandboxTokens tokens, byte[]? swagger)
    {
        _host = host;
        _options = options;
        _tokens = tokens;
        _swagger = swagger;
    }

    /// <summary>The API base URI (routes such as <c>Vehicles</c> are relative to it).</summary>
    public Uri BaseUri => _host.BaseUri;

    /// <summary>The token endpoint.</summary>
    public Uri TokenUrl => new(_host.BaseUri, "connect/token");

    /// <summary>The swagger document's URI.</summary>
    public Uri SwaggerUrl => new(_host.BaseUri, "swagger/v1/swagger.json");

    /// <summary>The accepted client id.</summary>
    public string ClientId => _options.ClientId;

    /// <summary>The accepted client secret.</summary>
    public string ClientSecret => _options.ClientSecret;

    /// <summary>The number of requests the token endpoint received (including refused ones).</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>The number of API requests received (including refused ones).</summary>
    public int ApiCalls => Volatile.Read(ref _apiCalls);

    /// <summary>Every access token issued so far (for tests that check no token leaks into logs or telemetry).</summary>
    public IReadOnlyCollection<string> IssuedTokens => _tokens.AllIssued;

    /// <summary>Faults injected into API requests (resets, 503, 429); never into the token endpoint.</summary>
    public SandboxFaults Faults { get; } = new();

    /// <summary>The counters as <c>GET /sandbox/stats</c> serves them.</summary>
    /// <returns>Name → value.</returns>
    public Dictionary<string, long> Stats() => new(StringComparer.Ordinal)
    {
        ["tokenRequests"] = TokenRequests,
        ["apiCalls"] = ApiCalls,
        ["faultResets"] = Faults.Resets,
        ["fault503"] = Faults.ServiceUnavailable,
        ["fault429"] = Faults.TooManyRequests,
    };

    /// <summary>The vehicles the API serves (mutable: tests may add).</summary>
    public ConcurrentDictionary<string, JsonObject> Vehicles { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The last token request's client authentication: <c>basic</c> or <c>post</c>.</summary>
    public string? LastClientAuthentication { get; private set; }

    /// <summary>The last API request's <c>Authorization</c> header.</summary>
    public string? LastAuthorization { get; private set; }

    /// <summary>The bodies of the API requests received (refused ones included), in order of arrival.</summary>
    public ConcurrentQueue<string> ReceivedBodies { get; } = new();

    /// <summary>The <c>expires_in</c> of tokens issued from now on (the "tokens expiring early" knob).</summary>
    public TimeSpan TokenLifetime { get; set; }

    /// <summary>When set, the token endpoint answers 503 to every request.</summary>
    public bool TokenEndpointDown { get; set; }

    /// <summary>A delay added before every token response.</summary>
    public TimeSpan TokenEndpointDelay { get; set; }

    /// <summary>When set, responses omit <c>expires_in</c>.</summary>
    public bool OmitExpiresIn { get; set; }

    /// <summary>When set, API requests beyond this many per <see cref="RateLimitWindow"/> get 429 with <c>Retry-After</c>.</summary>
    public int? RateLimit { get; set; }

    /// <summary>The rate-limit window. Default one minute (Optimum's observed limit is about 30 per minute).</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Starts the emulator.</summary>
    /// <param name="options">Settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static async Task<OptimumSandbox> StartAsync(OptimumSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OptimumSandboxOptions();
        var tokens = new SandboxTokens(options.TimeProvider);
        var swagger = options.SwaggerDocument ?? LoadEmbeddedSwagger();
        OptimumSandbox? sandbox = null;
        var host = await SandboxHost.StartAsync(
            app =>
            {
                if (swagger is not null)
                {
                    new SandboxDriftDocument(swagger).Use(app, () => sandbox!.Drift);
                }

                MapRoutes(app, () => sandbox!);
            },
            cancellationToken).ConfigureAwait(false);
        sandbox = new OptimumSandbox(host, options, tokens, swagger) { TokenLifetime = options.TokenLifetime, Drift = options.Drift };
        sandbox._engine = swagger is null ? null : DocumentEngine(swagger, sandbox);
        sandbox.SeedFleet();
        return sandbox;
    }

    /// <summary>Drift mode of the API answers (see <see cref="OptimumSandboxOptions.Drift"/>); can change while running.</summary>
    public SandboxDriftMode Drift
    {
        get => (SandboxDriftMode)Volatile.Read(ref _drift);
        set => Volatile.Write(ref _drift, (int)value);
    }

    /// <summary>Makes the next <paramref name="count"/> API requests answer 401 whatever their token.</summary>
    /// <param name="count">How many.</param>
    public void FailNextApiCallsWithUnauthorized(int count = 1) => Interlocked.Exchange(ref _unauthorizedOnDemand, count);

    /// <summary>Makes the next <paramref name="count"/> token requests answer 503.</summary>
    /// <param name="count">How many.</param>
    public void FailNextTokenRequests(int count = 1) => Interlocked.Exchange(ref _tokenFailuresOnDemand, count);

    /// <summary>Revokes every issued token: the next API call with any of them gets 401.</summary>
    public void RevokeAllTokens() => _tokens.RevokeAll();

    /// <summary>Issues a valid token directly (for raw-client baselines).</summary>
    /// <returns>The token.</returns>
    public string IssueToken() => _tokens.Issue("opt_", TokenLifetime);

    /// <summary>Resets the counters.</summary>
    public void ResetCounters()
    {
        Interlocked.Exchange(ref _tokenRequests, 0);
        Interlocked.Exchange(ref _apiCalls, 0);
        ReceivedBodies.Clear();
    }

    /// <summary>Stops the emulator.</summary>
    /// <returns>A task.</returns>
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static byte[]? LoadEmbeddedSwagger() => SandboxResources.Load("Clients.Sandbox.Optimum.swagger.json");

    private void SeedFleet()
    {
        AddVehicle("AB-123-CD", "IN_FLEET", ("D001", "Alice", "Martin"));
        AddVehicle("EF-456-GH", "IN_FLEET", ("D002", "Bruno", "Petit"));
        AddVehicle("IJ-789-KL", "OUT_FLEET", null);
    }

    private void AddVehicle(string registration, string status, (string Id, string First, string Last)? driver)
    {
        Vehicles[registration] = new JsonObject
        {
            ["registrationNumber"] = registration,
            ["status"] = status,
            ["currentDriver"] = driver is { } d ? Driver(d.Id, d.First, d.Last) : null,
        };
    }

    private static JsonObject Driver(string id, string first, string last) =>
        new() { ["registrationNumber"] = id, ["firstName"] = first, ["lastName"] = last };

    private static void MapRoutes(WebApplication app, Func<OptimumSandbox> sandbox)
    {
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (path.StartsWithSegments("/connect") || path.StartsWithSegments("/sandbox/stats") || !await sandbox().Faults.TryApplyAsync(context).ConfigureAwait(false))
            {
                await next(context).ConfigureAwait(false);
            }
        });
        app.MapGet("/sandbox/stats", () => Results.Json(sandbox().Stats()));
        app.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)(context => sandbox().TokenAsync(context)));
        var api = app.MapGroup(string.Empty).AddEndpointFilter(async (invocation, next) =>
        {
            var refusal = await sandbox().AuthorizeAsync(invocation.HttpContext).ConfigureAwait(false);
            if (refusal is null && sandbox()._engine is { } engine && await engine.CheckAsync(invocation.HttpContext).ConfigureAwait(false) is { } problem)
            {
                refusal = Problem(problem);
            }

            return refusal ?? await next(invocation).ConfigureAwait(false);
        });
        api.MapGet("/swagger/v1/swagger.json", () => sandbox()._swagger is { } doc ? Results.Bytes(doc, "application/json") : Results.NotFound());
        api.MapGet("/Vehicles", () => Results.Json(new JsonArray(sandbox().Vehicles.Values.OrderBy(v => (string?)v["registrationNumber"], StringComparer.Ordinal).Select(v => (JsonNode)v.DeepClone()).ToArray())));
        api.MapGet("/Vehicles/{registrationNumber}", (string registrationNumber) =>
            sandbox().Vehicles.TryGetValue(registrationNumber, out var vehicle) ? Results.Json(vehicle) : NotFound($"No vehicle {registrationNumber}."));
        api.MapGet("/VehicleAssignments/current", (string? registrationNumber) =>
        {
            if (string.IsNullOrEmpty(registrationNumber) || !sandbox().Vehicles.TryGetValue(registrationNumber, out var vehicle) || vehicle["currentDriver"] is null)
            {
                return NotFound($"No current assignment for {registrationNumber}.");
            }

            return Results.Json(new JsonObject
            {
                ["registrationNumber"] = registrationNumber,
                ["driver"] = vehicle["currentDriver"]!.DeepClone(),
                ["startDate"] = "2026-01-05T08:00:00Z",
                ["endDate"] = null,
            });
        });
        api.MapGet("/Persons", () => Results.Json(new JsonArray(
            Driver("D001", "Alice", "Martin"), Driver("D002", "Bruno", "Petit"), Driver("M001", "Chloe", "Durand"))));
        api.MapGet("/Geolocation/Trips", (DateTimeOffset? startDate, DateTimeOffset? endDate, string? registrationNumber) =>
        {
            if (startDate is null || endDate is null || endDate < startDate)
            {
                return Results.Problem(statusCode: 400, title: "startDate and endDate are required, endDate after startDate.");
            }

            var reg = registrationNumber ?? "AB-123-CD";
            return Results.Json(new JsonArray(new JsonObject
            {
                ["registrationNumber"] = reg,
                ["startDate"] = startDate.Value.ToString("O"),
                ["endDate"] = startDate.Value.AddMinutes(42).ToString("O"),
                ["duration"] = 2520,
                ["driver"] = Driver("D001", "Alice", "Martin"),
            }));
        });

        app.MapFallback((RequestDelegate)(context => sandbox().Documented(context)));

        // Sandbox-only: echoes a JSON body (Optimum's public surface has no write call to exercise resends with).
        api.MapPost("/sandbox/echo", (Func<HttpContext, Task<IResult>>)(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            return Results.Text(body, "application/json");
        }));
    }

    /// <summary>
    /// The document-driven engine over the swagger document: it validates the calls of the hand-written routes
    /// (strict 400) and serves, after the same authorization, every documented operation they do not cover (a
    /// <see cref="OptimumSandboxOptions.SwaggerDocument"/> with more operations than the committed one).
    /// </summary>
    private static Specs.SpecEmulator DocumentEngine(byte[] swagger, OptimumSandbox sandbox) =>
        new(swagger, new Specs.SpecSandboxOptions
        {
            Name = "Clients.Sandbox.Optimum.swagger.json",
            BasePath = "/",
            WriteError = (context, problem) => Problem(problem).ExecuteAsync(context),
            BeforeOperation = async context =>
            {
                if (await sandbox.AuthorizeAsync(context).ConfigureAwait(false) is not { } refusal)
                {
                    return false;
                }

                await refusal.ExecuteAsync(context).ConfigureAwait(false);
                return true;
            },
        });

    private static IResult Problem(Specs.SpecSandboxProblem problem) =>
        Results.Problem(statusCode: problem.Status, title: ReasonPhrases.GetReasonPhrase(problem.Status), detail: problem.Message);

    private Task Documented(HttpContext context) =>
        _engine is not null ? _engine.HandleAsync(context) : Problem(new Specs.SpecSandboxProblem(404, "NOT_FOUND", "No such route.")).ExecuteAsync(context);

    private static IResult NotFound(string detail) => Results.Problem(statusCode: 404, title: "Not Found", detail: detail);

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        if (TokenEndpointDelay > TimeSpan.Zero)
        {
            await Task.Delay(TokenEndpointDelay, context.RequestAborted).ConfigureAwait(false);
        }

        if (TokenEndpointDown || OnDemandCounter.TryConsume(ref _tokenFailuresOnDemand))
        {
            return Results.Text("<html><body>503 Service Unavailable</body></html>", "text/html", statusCode: 503);
        }

        var (parameters, clientId, clientSecret, usedBasic) = await SandboxClientAuthentication.ReadAsync(context.Request).ConfigureAwait(false);
        LastClientAuthentication = usedBasic ? "basic" : "post";
        if (!string.Equals(clientId, _options.ClientId, StringComparison.Ordinal) || !string.Equals(clientSecret, _options.ClientSecret, StringComparison.Ordinal))
        {
            // IdentityServer answers 400 invalid_client (401 with a challenge when Basic was used).
            if (usedBasic)
            {
                context.Response.Headers.WWWAuthenticate = "Basic";
            }

            return SandboxClientAuthentication.Error("invalid_client", "Unknown client or invalid client secret.", usedBasic ? 401 : 400);
        }

        if (!parameters.TryGetValue("grant_type", out var grantType))
        {
            return SandboxClientAuthentication.Error("invalid_request", "grant_type is missing.");
        }

        if (grantType != "client_credentials")
        {
            return SandboxClientAuthentication.Error("unsupported_grant_type", $"Grant type {grantType} is not allowed for this client.");
        }

        var lifetime = TokenLifetime;
        var body = new JsonObject
        {
            ["access_token"] = _tokens.Issue("opt_", lifetime),
            ["token_type"] = "Bearer",
            ["scope"] = "public-api",
        };
        if (!OmitExpiresIn)
        {
            body["expires_in"] = (long)lifetime.TotalSeconds;
        }

        return Results.Json(body);
    }

    private async Task<IResult?> AuthorizeAsync(HttpContext context)
    {
        Interlocked.Increment(ref _apiCalls);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            ReceivedBodies.Enqueue(await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false));
            context.Request.Body.Position = 0;
        }

        var authorization = context.Request.Headers.Authorization.ToString();
        LastAuthorization = authorization;
        if (OnDemandCounter.TryConsume(ref _unauthorizedOnDemand) || !_tokens.IsValid(SandboxTokens.BearerOf(authorization)))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return Results.StatusCode(401);
        }

        if (RateLimit is { } limit)
        {
            lock (_rateGate)
            {
                var now = _options.TimeProvider.GetUtcNow();
                if (now - _rateWindowStart >= RateLimitWindow)
                {
                    _rateWindowStart = now;
                    _rateWindowCount = 0;
                }

                if (++_rateWindowCount > limit)
                {
                    var retryAfter = Math.Max(1, (int)Math.Ceiling((_rateWindowStart + RateLimitWindow - now).TotalSeconds));
                    context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return Results.Problem(statusCode: 429, title: "Too Many Requests", detail: $"Rate limit of {limit} requests exceeded.");
                }
            }
        }

        return null;
    }
}

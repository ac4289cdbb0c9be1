using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clients.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Clients.Sandbox.Origami;

/// <summary>
/// An Origami Marketplace emulator on loopback: <c>/oauth/token</c> (password and rotating refresh_token grants, client
/// credentials in the body or Basic, form or JSON) and <c>/v1/...</c> routes of <c>specs/origami/openapi.json</c> that
/// require a bearer token and a <c>context</c> header naming a user group the user belongs to (403 in Origami's error
/// format otherwise), with the <c>{data}</c> and <c>{data, meta.pagination}</c> envelopes. The operations of the document
/// without a hand-written route answer schema-shaped synthesized data.
/// </summary>
public sealed class OrigamiSandbox : IAsyncDisposable
{
    private readonly SandboxHost _host;
    private readonly OrigamiSandboxOptions _options;
    private Specs.SpecEmulator? _engine;
    private readonly SandboxTokens _accessTokens;
    private int _drift;
    private readonly ConcurrentDictionary<string, bool> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _usedRefreshTokens = new(StringComparer.Ordinal);
    private long _nextId = 1000;
    private int _tokenRequests;
    private int _passwordGrants;
    private int _refreshGrants;
    private int _refusedRefreshes;
    private int _apiCalls;
    private int _unauthorizedOnDemand;
    private int _refreshTokenReuses;

    private OrigamiSandbox(SandboxHost host, OrigamiSandboxOptions options)
    {
        _host = host;
        _options = options;
        _accessTokens = new SandboxTokens(options.TimeProvider);
        AccessTokenLifetime = options.AccessTokenLifetime;
        Seed();
    }

    /// <summary>The API URL an integrator is given (token at <c>oauth/token</c>, data under <c>v1/</c>).</summary>
    public Uri BaseUri => _host.BaseUri;

    /// <summary>The token endpoint.</summary>
    public Uri TokenUrl => new(_host.BaseUri, "oauth/token");

    /// <summary>The accepted client id.</summary>
    public string ClientId => _options.ClientId;

    /// <summary>The accepted client secret.</summary>
    public string ClientSecret => _options.ClientSecret;

    /// <summary>The API user's name.</summary>
    public string UserName => _options.UserName;

    /// <summary>The API user's password.</summary>
    public string Password => _options.Password;

    /// <summary>Token requests received (all grants, refused ones included).</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    /// <summary>Password grants that succeeded.</summary>
    public int PasswordGrants => Volatile.Read(ref _passwordGrants);

    /// <summary>Refresh grants that succeeded.</summary>
    public int RefreshGrants => Volatile.Read(ref _refreshGrants);

    /// <summary>Refresh grants refused with <c>invalid_grant</c> (unknown, revoked or already used refresh token).</summary>
    public int RefusedRefreshes => Volatile.Read(ref _refusedRefreshes);

    /// <summary>
    /// Refresh grants that presented a refresh token already used once (what reuse detection in the OAuth 2.0 Security
    /// BCP punishes by revoking the token family). Zero when the client never presents a rotated refresh token twice.
    /// </summary>
    public int RefreshTokenReuses => Volatile.Read(ref _refreshTokenReuses);

    /// <summary>Every access and refresh token issued so far (for tests that check no token leaks into logs or telemetry).</summary>
    public IReadOnlyCollection<string> IssuedTokens => _accessTokens.AllIssued.Concat(_usedRefreshTokens.Keys).Concat(_refreshTokens.Keys).ToArray();

    /// <summary>Faults injected into API requests (resets, 503, 429); never into the token endpoint.</summary>
    public SandboxFaults Faults { get; } = new();

    /// <summary>The counters as <c>GET /sandbox/stats</c> serves them.</summary>
    /// <returns>Name → value.</returns>
    public Dictionary<string, long> Stats() => new(StringComparer.Ordinal)
    {
        ["tokenRequests"] = TokenRequests,
        ["passwordGrants"] = PasswordGrants,
        ["refreshGrants"] = RefreshGrants,
        ["refusedRefreshes"] = RefusedRefreshes,
        ["refreshTokenReuses"] = RefreshTokenReuses,
        ["apiCalls"] = ApiCalls,
        ["faultResets"] = Faults.Resets,
        ["fault503"] = Faults.ServiceUnavailable,
        ["fault429"] = Faults.TooManyRequests,
    };

    /// <summary>API requests received.</summary>
    public int ApiCalls => Volatile.Read(ref _apiCalls);

    /// <summary>The <c>context</c> header of every API request, in order of arrival (absent = empty string).</summary>
    public ConcurrentQueue<string> ContextsSeen { get; } = new();

    /// <summary>The last API request's <c>context</c> header.</summary>
    public string? LastContext { get; private set; }

    /// <summary>The last token request's body format: <c>form</c> or <c>json</c>.</summary>
    public string? LastTokenRequestFormat { get; private set; }

    /// <summary>The <c>expires_in</c> of access tokens issued from now on.</summary>
    public TimeSpan AccessTokenLifetime { get; set; }

    /// <summary>
    /// Whether a refresh issues a new refresh token and invalidates the used one (default). When not set, the refresh
    /// response has no <c>refresh_token</c> and the used one stays valid.
    /// </summary>
    public bool RotateRefreshTokens { get; set; } = true;

    /// <summary>When set, the token endpoint answers 503.</summary>
    public bool TokenEndpointDown { get; set; }

    /// <summary>A delay before every token response.</summary>
    public TimeSpan TokenEndpointDelay { get; set; }

    /// <summary>The sellers (id → resource).</summary>
    public ConcurrentDictionary<long, JsonObject> Sellers { get; } = new();

    /// <summary>The taxes (id → resource).</summary>
    public ConcurrentDictionary<long, JsonObject> Taxes { get; } = new();

    /// <summary>Starts the emulator.</summary>
    /// <param name="options">Settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    public static async Task<OrigamiSandbox> StartAsync(OrigamiSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OrigamiSandboxOptions();
        OrigamiSandbox? sandbox = null;
        var document = SandboxResources.Load("Clients.Sandbox.Origami.openapi.json");
        var host = await SandboxHost.StartAsync(
            app =>
            {
                if (document is not null)
                {
                    new SandboxDriftDocument(document).Use(app, () => sandbox!.Drift);
                }

                MapRoutes(app, () => sandbox!);
            },
            cancellationToken).ConfigureAwait(false);
        sandbox = new OrigamiSandbox(host, options)
        {
            Drift = options.Drift,
            _engine = DocumentEngine(document, () => sandbox!),
        };
        return sandbox;
    }

    /// <summary>Drift mode of the API answers (see <see cref="OrigamiSandboxOptions.Drift"/>); can change while running.</summary>
    public SandboxDriftMode Drift
    {
        get => (SandboxDriftMode)Volatile.Read(ref _drift);
        set => Volatile.Write(ref _drift, (int)value);
    }

    /// <summary>Revokes every refresh token: the next refresh gets <c>invalid_grant</c>.</summary>
    public void RevokeRefreshTokens() => _refreshTokens.Clear();

    /// <summary>Revokes every access token: the next API call gets 401.</summary>
    public void RevokeAccessTokens() => _accessTokens.RevokeAll();

    /// <summary>Makes the next <paramref name="count"/> API requests answer 401.</summary>
    /// <param name="count">How many.</param>
    public void FailNextApiCallsWithUnauthorized(int count = 1) => Interlocked.Exchange(ref _unauthorizedOnDemand, count);

    /// <summary>Issues a valid access token directly (for raw-client baselines).</summary>
    /// <returns>The token.</returns>
    public string IssueAccessToken() => _accessTokens.Issue("ori_", AccessTokenLifetime);

    /// <summary>Stops the emulator.</summary>
    /// <returns>A task.</returns>
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private void Seed()
    {
        for (var i = 1; i <= 45; i++)
        {
            Sellers[i] = new JsonObject
            {
                ["id"] = i,
                ["name"] = $"Seller {i:00}",
                ["legal_type_id"] = 1,
                ["email"] = $"seller{i}@sandbox.origami.test",
                ["created_at"] = "2026-01-01T00:00:00+00:00",
                ["updated_at"] = "2026-01-01T00:00:00+00:00",
            };
        }

        Taxes[1] = new JsonObject { ["id"] = 1, ["name"] = "TVA 20%", ["rate"] = 20.0, ["country_id"] = 75 };
        Taxes[2] = new JsonObject { ["id"] = 2, ["name"] = "TVA 5.5%", ["rate"] = 5.5, ["country_id"] = 75 };
    }

    private static void MapRoutes(WebApplication app, Func<OrigamiSandbox> sandbox)
    {
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/v1") || !await sandbox().Faults.TryApplyAsync(context).ConfigureAwait(false))
            {
                await next(context).ConfigureAwait(false);
            }
        });
        app.MapGet("/sandbox/stats", () => Results.Json(sandbox().Stats()));
        app.MapPost("/oauth/token", (Func<HttpContext, Task<IResult>>)(context => sandbox().TokenAsync(context)));
        var v1 = app.MapGroup("/v1").AddEndpointFilter(async (invocation, next) =>
            sandbox().Authorize(invocation.HttpContext) ?? await next(invocation).ConfigureAwait(false));
        v1.MapGet("/me", (HttpContext c) => sandbox().Me());
        v1.MapGet("/sellers", (HttpContext c) => sandbox().Page(c, sandbox().Sellers.Values));
        v1.MapGet("/sellers/{id:long}", (long id) => sandbox().Sellers.TryGetValue(id, out var s) ? Data(s) : NotFound("seller", id));
        v1.MapPost("/sellers", (Func<HttpContext, Task<IResult>>)(c => sandbox().CreateSellerAsync(c)));
        v1.MapGet("/taxes", (HttpContext c) => sandbox().Page(c, sandbox().Taxes.Values));
        v1.MapPost("/taxes", (Func<HttpContext, Task<IResult>>)(c => sandbox().UpsertTaxAsync(c, null)));
        v1.MapMethods("/taxes/{id:long}", ["PATCH"], (Func<HttpContext, long, Task<IResult>>)((c, id) => sandbox().UpsertTaxAsync(c, id)));
        v1.MapDelete("/taxes/{id:long}", (long id) => sandbox().Taxes.TryRemove(id, out _) ? Results.NoContent() : NotFound("tax", id));
        v1.MapGet("/countries", (HttpContext c) => sandbox().Page(c, [
            new JsonObject { ["id"] = 75, ["code"] = "FR", ["name"] = "France" },
            new JsonObject { ["id"] = 49, ["code"] = "DE", ["name"] = "Germany" },
        ]));
        v1.MapGet("/catalog/categories/{id:long}", (long id) => Data(new JsonObject { ["id"] = id, ["name"] = $"Category {id}", ["parent_id"] = null }));
        app.MapFallback((RequestDelegate)(c => sandbox().Documented(c)));
    }

    private static long IdOf(JsonObject resource) =>
        resource["id"] is JsonValue id && long.TryParse(id.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    private static IResult Data(JsonNode data) => Results.Json(new JsonObject { ["data"] = data.DeepClone() });

    private static IResult NotFound(string what, long id) => OrigamiSandboxErrors.Of(404, ("040401", $"No {what} {id}."));

    private IResult Me()
    {
        var groups = new JsonArray();
        foreach (var (id, type) in _options.UserGroups.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            groups.Add(new JsonObject { ["id"] = long.Parse(id, CultureInfo.InvariantCulture), ["name"] = $"{type} {id}", ["type"] = type });
        }

        return Data(new JsonObject { ["id"] = 7, ["email"] = _options.UserName, ["firstname"] = "Api", ["lastname"] = "User", ["user_groups"] = groups });
    }

    private IResult Page(HttpContext context, IEnumerable<JsonObject> source)
    {
        var items = source.OrderBy(IdOf).ToList();
        var query = context.Request.Query;
        if (string.Equals(query["without_pagination"], "true", StringComparison.OrdinalIgnoreCase) || query["without_pagination"] == "1")
        {
            return Results.Json(new JsonObject { ["data"] = new JsonArray(items.Select(i => (JsonNode)i.DeepClone()).ToArray()) });
        }

        var perPage = int.TryParse(query["item_per_page"], CultureInfo.InvariantCulture, out var p) ? p : 20;
        var page = int.TryParse(query["page"], CultureInfo.InvariantCulture, out var n) ? n : 1;
        if (perPage is < 1 or > 100 || page < 1)
        {
            return OrigamiSandboxErrors.Of(422, ("042201", "item_per_page must be between 1 and 100 and page at least 1."));
        }

        var slice = items.Skip((page - 1) * perPage).Take(perPage).Select(i => (JsonNode)i.DeepClone()).ToArray();
        return Results.Json(new JsonObject
        {
            ["data"] = new JsonArray(slice),
            ["meta"] = new JsonObject
            {
                ["pagination"] = new JsonObject
                {
                    ["total"] = items.Count,
                    ["count"] = slice.Length,
                    ["per_page"] = perPage,
                    ["current_page"] = page,
                    ["total_pages"] = (items.Count + perPage - 1) / perPage,
                },
            },
        });
    }

    private async Task<IResult> CreateSellerAsync(HttpContext context)
    {
        var body = await ReadObjectAsync(context).ConfigureAwait(false);
        var errors = new List<(string, string)>();
        if (body?["name"] is not JsonValue name || string.IsNullOrWhiteSpace(name.GetValue<string>()))
        {
            errors.Add(("042210", "The name field is required."));
        }

        if (body?["email"] is JsonValue email && !email.GetValue<string>().Contains('@', StringComparison.Ordinal))
        {
            errors.Add(("042211", "The email must be a valid email address."));
        }

        if (errors.Count > 0)
        {
            return OrigamiSandboxErrors.Of(422, errors.ToArray());
        }

        var id = Interlocked.Increment(ref _nextId);
        var seller = new JsonObject
        {
            ["id"] = id,
            ["name"] = body!["name"]!.DeepClone(),
            ["email"] = body["email"]?.DeepClone(),
            ["legal_type_id"] = body["legal_type_id"]?.DeepClone(),
        };
        Sellers[id] = seller;
        return Results.Json(new JsonObject { ["data"] = seller.DeepClone() }, statusCode: 201);
    }

    private async Task<IResult> UpsertTaxAsync(HttpContext context, long? id)
    {
        var body = await ReadObjectAsync(context).ConfigureAwait(false) ?? new JsonObject();
        JsonObject tax;
        if (id is { } existing)
        {
            if (!Taxes.TryGetValue(existing, out var current))
            {
                return NotFound("tax", existing);
            }

            tax = (JsonObject)current.DeepClone();
        }
        else
        {
            tax = new JsonObject { ["id"] = Interlocked.Increment(ref _nextId), ["name"] = string.Empty, ["rate"] = 0.0 };
        }

        foreach (var property in body)
        {
            tax[property.Key] = property.Value?.DeepClone();
        }

        Taxes[IdOf(tax)] = tax;
        return Results.Json(new JsonObject { ["data"] = tax.DeepClone() }, statusCode: id is null ? 201 : 200);
    }

    private static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// A documented operation without a route of its own above goes to the document-driven engine: after the same
    /// authorization, it is validated against the document and answered with data shaped like its success schema;
    /// anything else is Origami's 404. Refusals are written in Origami's error format.
    /// </summary>
    private static Specs.SpecEmulator? DocumentEngine(byte[]? document, Func<OrigamiSandbox> sandbox) =>
        document is null
            ? null
            : new Specs.SpecEmulator(document, new Specs.SpecSandboxOptions
            {
                Name = "Clients.Sandbox.Origami.openapi.json",
                BasePath = "/v1",
                WriteError = (context, problem) => problem.Status switch
                {
                    StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed =>
                        OrigamiSandboxErrors.Of(404, ("040400", $"No route {context.Request.Method} {context.Request.Path}.")).ExecuteAsync(context),
                    _ => OrigamiSandboxErrors.Of(problem.Status, ("0" + problem.Status.ToString(CultureInfo.InvariantCulture) + "00", problem.Message)).ExecuteAsync(context),
                },
                BeforeOperation = async context =>
                {
                    if (sandbox().Authorize(context) is not { } refusal)
                    {
                        return false;
                    }

                    await refusal.ExecuteAsync(context).ConfigureAwait(false);
                    return true;
                },
            });

    private Task Documented(HttpContext context) =>
        _engine is not null
            ? _engine.HandleAsync(context)
            : OrigamiSandboxErrors.Of(404, ("040400", $"No route {context.Request.Method} {context.Request.Path}.")).ExecuteAsync(context);

    private IResult? Authorize(HttpContext context)
    {
        Interlocked.Increment(ref _apiCalls);
        var contextHeader = context.Request.Headers["context"].ToString();
        LastContext = contextHeader;
        ContextsSeen.Enqueue(contextHeader);
        if (OnDemandCounter.TryConsume(ref _unauthorizedOnDemand) || !_accessTokens.IsValid(SandboxTokens.BearerOf(context.Request.Headers.Authorization.ToString())))
        {
            return OrigamiSandboxErrors.Of(401, (OrigamiSandboxErrors.Unauthorized, "Unauthorized: the access token is missing, invalid or expired."));
        }

        if (string.IsNullOrEmpty(contextHeader))
        {
            return OrigamiSandboxErrors.Of(403, ("030102", "The context header is required."));
        }

        if (!_options.UserGroups.ContainsKey(contextHeader))
        {
            return OrigamiSandboxErrors.Of(403, ("030103", $"The user does not belong to user group {contextHeader}."));
        }

        return null;
    }

    private async Task<IResult> TokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        if (TokenEndpointDelay > TimeSpan.Zero)
        {
            await Task.Delay(TokenEndpointDelay, context.RequestAborted).ConfigureAwait(false);
        }

        if (TokenEndpointDown)
        {
            return Results.Text("Service Unavailable", "text/plain", statusCode: 503);
        }

        LastTokenRequestFormat = context.Request.HasFormContentType ? "form" : "json";
        var (parameters, clientId, clientSecret, _) = await SandboxClientAuthentication.ReadAsync(context.Request).ConfigureAwait(false);
        if (clientId != _options.ClientId || clientSecret != _options.ClientSecret)
        {
            return SandboxClientAuthentication.Error("invalid_client", "Client authentication failed.", 401);
        }

        parameters.TryGetValue("grant_type", out var grantType);
        switch (grantType)
        {
            case "password":
                if (!parameters.TryGetValue("username", out var user) || !parameters.TryGetValue("password", out var password)
                    || user != _options.UserName || password != _options.Password)
                {
                    return SandboxClientAuthentication.Error("invalid_grant", "The user credentials were incorrect.");
                }

                Interlocked.Increment(ref _passwordGrants);
                return Issue();
            case "refresh_token":
                if (!parameters.TryGetValue("refresh_token", out var refresh) || !_refreshTokens.TryRemove(refresh, out _))
                {
                    Interlocked.Increment(ref _refusedRefreshes);
                    var reused = refresh is not null && _usedRefreshTokens.ContainsKey(refresh);
                    if (reused)
                    {
                        Interlocked.Increment(ref _refreshTokenReuses);
                    }

                    return SandboxClientAuthentication.Error("invalid_grant", reused ? "The refresh token was already used." : "The refresh token is invalid.");
                }

                Interlocked.Increment(ref _refreshGrants);
                if (!RotateRefreshTokens)
                {
                    _refreshTokens[refresh] = true;
                    return Issue(withRefreshToken: false);
                }

                _usedRefreshTokens[refresh] = true;
                return Issue();
            case null:
                return SandboxClientAuthentication.Error("invalid_request", "grant_type is missing.");
            default:
                return SandboxClientAuthentication.Error("unsupported_grant_type", $"Grant type {grantType} is not supported.");
        }
    }

    private IResult Issue(bool withRefreshToken = true)
    {
        var body = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = (long)AccessTokenLifetime.TotalSeconds,
            ["access_token"] = _accessTokens.Issue("ori_", AccessTokenLifetime),
        };
        if (withRefreshToken)
        {
            var refresh = "orr_" + Guid.NewGuid().ToString("N");
            _refreshTokens[refresh] = true;
            body["refresh_token"] = refresh;
        }

        return Results.Json(body);
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clients.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Clients.Sandbox.Specs;

/// <summary>
/// The document-driven emulator engine: for any OpenAPI 3.x document, routes every operation (templated paths,
/// path-level and operation-level parameters, the server's base path), validates each call strictly against the
/// document (400 otherwise), and answers deterministic data synthesized from the success response's schema, with the
/// drift mode, fault knobs and optional OAuth2 client-credentials token endpoint every emulator has. Map
/// <see cref="HandleAsync"/> into a host (<c>app.MapFallback(emulator.HandleAsync)</c>), or let <see cref="SpecSandbox"/> run it.
/// </summary>
public sealed class SpecEmulator
{
    private readonly SpecSandboxOptions _options;
    private readonly string _basePath;
    private readonly SandboxTokens _tokens;
    private readonly Dictionary<string, byte[]> _answers;
    private int _drift;
    private long _latencyTicks;
    private long _requests;

    /// <summary>Reads an OpenAPI 3.x JSON document (UTF-8, with or without a byte-order mark).</summary>
    /// <param name="document">The document's bytes.</param>
    /// <param name="options">Settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The document is not OpenAPI 3.x JSON.</exception>
    public SpecEmulator(byte[] document, SpecSandboxOptions? options = null)
        : this(SpecDocument.Load((options ?? new SpecSandboxOptions()).Name, document ?? throw new ArgumentNullException(nameof(document))), options, faults: null)
    {
    }

    /// <summary>Reads an OpenAPI 3.x document given as JSON.</summary>
    /// <param name="document">The document.</param>
    /// <param name="options">Settings, or <see langword="null"/> for the defaults.</param>
    /// <exception cref="ArgumentException">The document is not OpenAPI 3.x.</exception>
    public SpecEmulator(JsonElement document, SpecSandboxOptions? options = null)
        : this(SpecDocument.Load((options ?? new SpecSandboxOptions()).Name, document), options, faults: null)
    {
    }

    internal SpecEmulator(SpecDocument document, SpecSandboxOptions? options, SandboxFaults? faults)
    {
        Document = document;
        _options = options ?? new SpecSandboxOptions();
        _basePath = NormalizeBasePath(_options.BasePath ?? document.BasePath);
        _tokens = new SandboxTokens(_options.TimeProvider);
        Faults = faults ?? new SandboxFaults();
        Drift = _options.Drift;
        Latency = _options.Latency;
        _answers = CheckAnswers(document, _options);
    }

    internal SpecDocument Document { get; }

    /// <summary>The path the operations are served under (<c>/v1</c>), or empty for the root.</summary>
    public string BasePath => _basePath;

    /// <summary>The number of operations the document declares.</summary>
    public int OperationCount => Document.OperationCount;

    /// <summary>Drift mode of the answers; can change while running.</summary>
    public SandboxDriftMode Drift
    {
        get => (SandboxDriftMode)Volatile.Read(ref _drift);
        set => Volatile.Write(ref _drift, (int)value);
    }

    /// <summary>A delay before every API answer (wall clock); can change while running.</summary>
    public TimeSpan Latency
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _latencyTicks));
        set => Interlocked.Exchange(ref _latencyTicks, value.Ticks);
    }

    /// <summary>Faults injected into API requests (resets, 503, 429); never into the token endpoint.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>Whether the token endpoint is served and operations require a bearer token.</summary>
    public bool RequiresToken => _options.ClientId is not null && _options.ClientSecret is not null;

    /// <summary>Requests received (token requests and faults included).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Every call answered, oldest first (faults and token requests excluded).</summary>
    public ConcurrentQueue<SpecSandboxCall> Calls { get; } = new();

    /// <summary>The calls refused with 400 (what a client sent that the document does not allow).</summary>
    public IEnumerable<SpecSandboxCall> Rejected => Calls.Where(static c => c.Status == StatusCodes.Status400BadRequest);

    /// <summary>Issues a valid bearer token directly (when <see cref="RequiresToken"/>).</summary>
    /// <returns>The token.</returns>
    public string IssueToken() => _tokens.Issue("spec_", _options.TokenLifetime);

    /// <summary>Revokes every issued token: the next call with any of them gets 401.</summary>
    public void RevokeTokens() => _tokens.RevokeAll();

    /// <summary>Answers one request (a terminal middleware: every path gets an answer, 404 when no operation matches).</summary>
    /// <param name="context">The request.</param>
    /// <returns>A task.</returns>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Interlocked.Increment(ref _requests);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (context.Request.Path.Value + context.Request.QueryString.Value);
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        if (RequiresToken && string.Equals(rawPath, _options.TokenPath, StringComparison.Ordinal))
        {
            await TokenAsync(context).ConfigureAwait(false);
            return;
        }

        var latency = Latency;
        if (latency > TimeSpan.Zero)
        {
            // Wall-clock delay on purpose: a fake TimeProvider would never let it end.
            await Task.Delay(latency, TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
        }

        if (await Faults.TryApplyAsync(context).ConfigureAwait(false))
        {
            return;
        }

        if (!TryStripBasePath(rawPath, out var apiPath))
        {
            await RefuseAsync(context, rawTarget, null, new SpecSandboxProblem(StatusCodes.Status404NotFound, "NOT_FOUND", "Got an invalid (or empty) URL")).ConfigureAwait(false);
            return;
        }

        var method = context.Request.Method.ToUpperInvariant();
        var route = Document.Match(apiPath, method, out var pathValues);
        if (route is null)
        {
            await RefuseAsync(context, rawTarget, null, new SpecSandboxProblem(StatusCodes.Status404NotFound, "NOT_FOUND", "Got an invalid (or empty) URL")).ConfigureAwait(false);
            return;
        }

        if (!route.Operations.TryGetValue(method, out var operation))
        {
            await RefuseAsync(context, rawTarget, route.Template, new SpecSandboxProblem(StatusCodes.Status405MethodNotAllowed, "METHOD_NOT_ALLOWED", "The requested HTTP method is not allowed on this path")).ConfigureAwait(false);
            return;
        }

        var name = method + " " + route.Template;
        if (RequiresToken && !_tokens.IsValid(SandboxTokens.BearerOf(context.Request.Headers.Authorization.ToString())))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            await RefuseAsync(context, rawTarget, name, new SpecSandboxProblem(StatusCodes.Status401Unauthorized, "NOT_AUTHENTICATED", "A valid bearer token is required")).ConfigureAwait(false);
            return;
        }

        if (_options.BeforeOperation is { } before && await before(context).ConfigureAwait(false))
        {
            Calls.Enqueue(new SpecSandboxCall(method, rawTarget, name, context.Response.StatusCode, null));
            return;
        }

        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        if (await SpecValidator.ValidateAsync(Document, operation, pathValues, context.Request.Query, context.Request.Headers, context.Request.ContentType, body, _options.FutureSubtypes).ConfigureAwait(false) is { } problem)
        {
            await RefuseAsync(context, rawTarget, name, new SpecSandboxProblem(StatusCodes.Status400BadRequest, "INVALID_PARAMETER", problem), body).ConfigureAwait(false);
            return;
        }

        var canned = _answers.GetValueOrDefault(name);
        if (canned is null && _options.EchoRequestBodies && body.Length > 0 && context.Request.ContentType is { } sent && SpecDocument.IsJson(sent)
            && operation.Success.MediaType is { } answered && SpecDocument.IsJson(answered) && !HttpMethods.IsHead(method))
        {
            if (CheckAnswer(operation, body) is { } misfit)
            {
                await RefuseAsync(context, rawTarget, name, new SpecSandboxProblem(StatusCodes.Status500InternalServerError, "ECHO_DOES_NOT_FIT", "The request body cannot be echoed: it does not fit the success response's schema: " + misfit), body).ConfigureAwait(false);
                return;
            }

            canned = body;
        }

        Calls.Enqueue(new SpecSandboxCall(method, rawTarget, name, operation.Success.Status, null) { RequestBody = body });
        if (canned is not null && !IsBodyless(operation.Success.Status))
        {
            context.Response.StatusCode = operation.Success.Status;
            context.Response.ContentType = operation.Success.MediaType == "*/*" ? "application/json; charset=utf-8" : operation.Success.MediaType + "; charset=utf-8";
            await context.Response.Body.WriteAsync(canned, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await WriteAnswerAsync(context, operation, pathValues).ConfigureAwait(false);
    }

    /// <summary>
    /// Routes and validates a call without answering it, for an emulator whose answers are written by hand: the
    /// problem when the call matches an operation and does not fit it, else null (no operation matched, or it fits).
    /// The body stays readable by the handler.
    /// </summary>
    internal async Task<SpecSandboxProblem?> CheckAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (context.Request.Path.Value + context.Request.QueryString.Value);
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        if (!TryStripBasePath(rawPath, out var apiPath) || Document.Match(apiPath, context.Request.Method.ToUpperInvariant(), out var pathValues) is not { } route
            || !route.Operations.TryGetValue(context.Request.Method.ToUpperInvariant(), out var operation))
        {
            return null;
        }

        context.Request.EnableBuffering();
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        context.Request.Body.Position = 0;
        var problem = await SpecValidator.ValidateAsync(Document, operation, pathValues, context.Request.Query, context.Request.Headers, context.Request.ContentType, body).ConfigureAwait(false);
        if (problem is null)
        {
            return null;
        }

        var refusal = new SpecSandboxProblem(StatusCodes.Status400BadRequest, "INVALID_PARAMETER", problem);
        Calls.Enqueue(new SpecSandboxCall(context.Request.Method, rawTarget, context.Request.Method.ToUpperInvariant() + " " + route.Template, refusal.Status, refusal));
        return refusal;
    }

    /// <summary>The answer data of an operation: synthesized from its success schema, path values echoed into same-named properties, drifted.</summary>
    internal JsonNode? Answer(SpecOperation operation, IReadOnlyDictionary<string, string> pathValues) =>
        Answer(Document, operation, pathValues, Drift);

    internal static JsonNode? Answer(SpecDocument document, SpecOperation operation, IReadOnlyDictionary<string, string> pathValues, SandboxDriftMode drift)
    {
        if (operation.Success.Schema is not { } schema)
        {
            return null;
        }

        var result = new SpecSynthesizer(document).Synthesize(schema, operation.Route.Hint);
        if (result is JsonObject obj)
        {
            // Echo the path's identifiers into same-named properties (GET /pets/{petId} → "petId": ...).
            foreach (var (name, value) in pathValues)
            {
                // Only into a value of the same kind: a number from a numeric path value, a string from any.
                switch (obj.TryGetPropertyValue(name, out var current) ? current?.GetValueKind() : null)
                {
                    case JsonValueKind.Number when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number):
                        obj[name] = JsonValue.Create(number);
                        break;
                    case JsonValueKind.String:
                        obj[name] = JsonValue.Create(value);
                        break;
                }
            }
        }

        return drift == SandboxDriftMode.None ? result : SandboxDrift.Apply(result, schema, document.Resolve, drift);
    }

    private async Task WriteAnswerAsync(HttpContext context, SpecOperation operation, Dictionary<string, string> pathValues)
    {
        var success = operation.Success;
        context.Response.StatusCode = success.Status;
        if (IsBodyless(success.Status) || success.MediaType is null || HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var node = Answer(operation, pathValues);
        byte[] bytes;
        if (SpecDocument.IsJson(success.MediaType))
        {
            context.Response.ContentType = success.MediaType == "*/*" ? "application/json; charset=utf-8" : success.MediaType + "; charset=utf-8";
            bytes = Encoding.UTF8.GetBytes(node?.ToJsonString(SandboxJson.Options) ?? "null");
        }
        else
        {
            context.Response.ContentType = success.MediaType.Contains('*', StringComparison.Ordinal) ? "application/octet-stream" : success.MediaType;
            bytes = Encoding.UTF8.GetBytes(node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : node?.ToJsonString(SandboxJson.Options) ?? "sandbox");
        }

        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    // Statuses HTTP gives no body (RFC 9110: 1xx, 204 No Content, 205 Reset Content, 304 Not Modified): Kestrel throws
    // on a write, fails the request and closes the connection — a client's next request on it then ends prematurely.
    private static bool IsBodyless(int status) =>
        status is < 200 or StatusCodes.Status204NoContent or StatusCodes.Status205ResetContent or StatusCodes.Status304NotModified;

    private async Task RefuseAsync(HttpContext context, string rawTarget, string? operation, SpecSandboxProblem problem, byte[]? body = null)
    {
        Calls.Enqueue(new SpecSandboxCall(context.Request.Method, rawTarget, operation, problem.Status, problem) { RequestBody = body ?? [] });
        if (_options.WriteError is { } write)
        {
            await write(context, problem).ConfigureAwait(false);
            return;
        }

        await SpecErrors.WriteAsync(context, problem).ConfigureAwait(false);
    }

    private async Task TokenAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var (parameters, clientId, clientSecret, usedBasic) = await SandboxClientAuthentication.ReadAsync(context.Request).ConfigureAwait(false);
        IResult result;
        if (!string.Equals(clientId, _options.ClientId, StringComparison.Ordinal) || !string.Equals(clientSecret, _options.ClientSecret, StringComparison.Ordinal))
        {
            if (usedBasic)
            {
                context.Response.Headers.WWWAuthenticate = "Basic";
            }

            result = SandboxClientAuthentication.Error("invalid_client", "Unknown client or invalid client secret.", StatusCodes.Status401Unauthorized);
        }
        else if (!parameters.TryGetValue("grant_type", out var grantType))
        {
            result = SandboxClientAuthentication.Error("invalid_request", "grant_type is missing.");
        }
        else if (grantType != "client_credentials")
        {
            result = SandboxClientAuthentication.Error("unsupported_grant_type", $"Grant type {grantType} is not supported.");
        }
        else
        {
            result = Results.Json(new JsonObject
            {
                ["access_token"] = IssueToken(),
                ["token_type"] = "Bearer",
                ["expires_in"] = (long)_options.TokenLifetime.TotalSeconds,
            });
        }

        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>The canned answers of the options, by operation (<c>GET /shapes</c>), each checked against its success schema.</summary>
    private static Dictionary<string, byte[]> CheckAnswers(SpecDocument document, SpecSandboxOptions options)
    {
        var answers = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, json) in options.Answers)
        {
            var space = key.IndexOf(' ', StringComparison.Ordinal);
            var method = space < 0 ? key : key[..space].ToUpperInvariant();
            var template = space < 0 ? string.Empty : key[(space + 1)..].Trim();
            var operation = document.Routes.FirstOrDefault(r => r.Template == template)?.Operations.GetValueOrDefault(method)
                ?? throw new ArgumentException($"Answers[\"{key}\"]: {options.Name} has no operation {method} {template} (write the method and the path template as the document does: \"GET /pets/{{petId}}\").", nameof(options));
            if (operation.Success.MediaType is not { } media || !SpecDocument.IsJson(media))
            {
                throw new ArgumentException($"Answers[\"{key}\"]: the operation's success response ({operation.Success.Status}) is not JSON.", nameof(options));
            }

            if (CheckAnswer(document, operation, json ?? [], options.FutureSubtypes) is { } problem)
            {
                throw new ArgumentException($"Answers[\"{key}\"] does not fit the success response's schema: {problem}", nameof(options));
            }

            answers[method + " " + template] = json!;
        }

        return answers;
    }

    private string? CheckAnswer(SpecOperation operation, byte[] json) => CheckAnswer(Document, operation, json, _options.FutureSubtypes);

    private static string? CheckAnswer(SpecDocument document, SpecOperation operation, byte[] json, bool futureSubtypes)
    {
        try
        {
            using var parsed = JsonDocument.Parse(json);
            return operation.Success.Schema is { } schema
                ? SpecValidator.ValidateJson(document, schema, parsed.RootElement, "", optional: false, depth: 0, futureSubtypes)
                : null;
        }
        catch (JsonException)
        {
            return "Invalid JSON";
        }
    }

    private bool TryStripBasePath(string rawPath, out string apiPath)
    {
        apiPath = rawPath;
        if (_basePath.Length == 0)
        {
            return true;
        }

        if (!rawPath.StartsWith(_basePath, StringComparison.Ordinal) || (rawPath.Length > _basePath.Length && rawPath[_basePath.Length] != '/'))
        {
            return false;
        }

        apiPath = rawPath[_basePath.Length..];
        return true;
    }

    private static string NormalizeBasePath(string path)
    {
        path = path.Trim().TrimEnd('/');
        return path.Length == 0 || path.StartsWith('/') ? path : "/" + path;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }
}

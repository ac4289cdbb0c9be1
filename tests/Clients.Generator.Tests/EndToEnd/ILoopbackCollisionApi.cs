using Refit;

namespace Clients.Generator.Tests.EndToEnd;

/// <summary>
/// Parameters named after every local, field and helper the generated implementation uses, keywords, and the type and
/// namespace names it spells (in path, query, query collection, header, body and token positions), plus method names
/// that are keywords: the implementation the generator writes for it must compile (this project builds it) and behave
/// as Refit's stub (<see cref="GeneratedClientParity"/>). (Not <c>_settings</c>, <c>Client</c> nor <c>refitSettings</c>
/// and the like: Refit's own stub reaches its field and property and declares its locals under those names, so it does
/// not compile with them; the Regen tool never names a parameter so.)
/// </summary>
[LoopbackApi]
public interface ILoopbackCollisionApi
{
    [Get("/path/{query}/{request}/{settings}/{value}/{this}/{_client}/{System}/{__query}")]
    Task<EchoResponse> PathAsync(string query, string request, int settings, long value, string @this, string _client, string System, string __query, CancellationToken cancellationToken = default);

    [Get("/query")]
    Task<EchoResponse> QueryAsync(
        string? query = null,
        int? request = null,
        [Query(CollectionFormat.Multi)] IEnumerable<int>? value = null,
        [AliasAs("q s")] string? settings = null,
        string? @string = null,
        bool? @object = null,
        [Query(CollectionFormat.Csv)] string[]? __value = null,
        string? __query = null,
        [AliasAs("provider")] string? AttributeProvider1_8 = null,
        [Query(CollectionFormat.Multi)] IEnumerable<string>? __value_ = null,
        string? refit = null,
        string? @global = null,
        string? Refit = null,
        string? Clients = null,
        string? Task = null,
        CancellationToken cancellationToken = default);

    [Post("/header/{response}")]
    Task<EchoResponse> HeaderAsync(
        string response,
        [Header("X-Request")] string? request,
        [Header("X-Content")] string? content,
        [Header("X-Query")] string? query,
        [Header("X-Settings")] string? __settings,
        [Body] CollisionBody value,
        CancellationToken settings = default);

    [Put("/body/{result}")]
    Task @event([Body] CollisionBody request, string result, [Header("X-Value")] string? value = null, string? __request = null, CancellationToken query = default);

    [Delete("/void")]
    Task @class(string? e = null, string? ex = null, string? uri = null, string? headers = null, string? body = null, string? @var = null, string? nameof = null);
}

/// <summary>A request body for <see cref="ILoopbackCollisionApi"/>.</summary>
public sealed class CollisionBody
{
    public string? Query { get; set; }

    public string? Value { get; set; }
}

using Refit;

namespace Clients.Ovh.Tests.Support;

public sealed record StubAnswer(bool Signed, string Path, string? ConsumerKey, string? Bearer = null);

public sealed record DomainUpdate(string Comment, int Ttl);

/// <summary>A hand-written Refit interface shaped like the generated ones (v1 paths relative to /1.0, v2 under /v2).</summary>
public interface IStubOvhApi
{
    [Get("/me")]
    Task<StubAnswer> GetMeAsync(CancellationToken cancellationToken = default);

    [Get("/ip/{ip}/reverse")]
    Task<StubAnswer> GetReverseAsync(string ip, CancellationToken cancellationToken = default);

    [Get("/domain/zone/{zoneName}/record")]
    Task<StubAnswer> GetRecordsAsync(string zoneName, [Query] string? fieldType, [Query] string? subDomain, CancellationToken cancellationToken = default);

    [Put("/domain/{serviceName}")]
    Task<StubAnswer> PutDomainAsync(string serviceName, [Body] DomainUpdate body, CancellationToken cancellationToken = default);

    [Post("/domain/{serviceName}/refresh")]
    Task<StubAnswer> PostEmptyAsync(string serviceName, CancellationToken cancellationToken = default);

    [Delete("/domain/zone/{zoneName}/record/{id}")]
    Task<StubAnswer> DeleteRecordAsync(string zoneName, long id, CancellationToken cancellationToken = default);

    [Get("/v2/iam/policy")]
    Task<StubAnswer> GetPoliciesAsync(CancellationToken cancellationToken = default);

    [Get("/v1/me")]
    Task<StubAnswer> GetMeV1Async(CancellationToken cancellationToken = default);

    [Get("/me")]
    Task<StubAnswer> GetMeUnsignedAsync([Property(OvhRequestOptions.UnauthenticatedName)] bool unauthenticated = true, CancellationToken cancellationToken = default);

    [Get("/me")]
    Task<StubAnswer> GetMeAsAsync([Property(OvhRequestOptions.ConsumerKeyName)] string consumerKey, CancellationToken cancellationToken = default);
}

using Clients.Ovh;
using Refit;

namespace Clients.Generator.Tests.EndToEnd;

/// <summary>A consumer-declared OVH interface: the generator runs on this (consumer) project and emits its manifest.</summary>
[OvhApi]
public interface ITestOvhZoneApi
{
    [Get("/domain/zone/{zoneName}/record/{id}")]
    Task<string> GetRecordAsync(string zoneName, long id, CancellationToken cancellationToken = default);

    [Get("/domain/zone/{zoneName}/record?fieldType={type}")]
    Task<long[]> ListRecordsAsync(string zoneName, string type, CancellationToken cancellationToken = default);

    [Put("/domain/zone/{zoneName}/record/{id}")]
    Task UpdateRecordAsync(string zoneName, long id, [Body] string record, CancellationToken cancellationToken = default);

    [Get("/domain/zone/{zoneName}/record/{id}")]
    Task<string> GetRecordAgainAsync(string zoneName, long id, CancellationToken cancellationToken = default);

    [Get("/v2/iam/policy")]
    Task<string> ListPoliciesAsync(CancellationToken cancellationToken = default);
}

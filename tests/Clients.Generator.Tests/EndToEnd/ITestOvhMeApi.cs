using Clients.Ovh;
using Refit;

namespace Clients.Generator.Tests.EndToEnd;

[OvhApi]
public interface ITestOvhMeApi
{
    [Get("/me")]
    Task<string> GetMeAsync(CancellationToken cancellationToken = default);

    [Get("/domain/zone/{zoneName}/record/{id}")]
    Task<string> GetRecordAsync(string zoneName, long id, CancellationToken cancellationToken = default);
}

using Refit;

namespace Clients.Generator.Tests.EndToEnd;

[LoopbackApi]
public interface ILoopbackEchoApi
{
    [Get("/echo/{id}")]
    Task<EchoResponse> EchoAsync(string id, CancellationToken cancellationToken = default);
}

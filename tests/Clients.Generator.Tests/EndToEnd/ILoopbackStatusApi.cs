using Refit;

namespace Clients.Generator.Tests.EndToEnd;

[LoopbackApi]
public interface ILoopbackStatusApi
{
    [Get("/status")]
    Task<string> GetStatusAsync(CancellationToken cancellationToken = default);
}

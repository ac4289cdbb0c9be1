using Refit;

namespace Clients.Optimum.Tests;

// A consumer-declared interface whose method returns the body as a stream: Refit's stub serves it, and the resilience
// pipeline leaves its body streaming (not buffered, not retried once the headers are in).
[OptimumApi]
public interface ITestStreamApi
{
    [Get("/Vehicles")]
    Task<Stream> GetVehiclesStreamAsync(CancellationToken cancellationToken = default);
}

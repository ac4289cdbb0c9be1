using Clients.Optimum;
using Refit;

namespace Clients.Optimum.Tests;

// Optimum's public surface has no write call: this consumer-declared interface exercises a POST with a JSON body
// against the sandbox's echo route, through the same Optimum chain.
[OptimumApi]
public interface ITestEchoApi
{
    [Post("/sandbox/echo")]
    Task<TestVehicle> EchoAsync([Body] TestVehicle body, CancellationToken cancellationToken = default);

    [Post("/sandbox/echo")]
    Task<TestVehicle> EchoWithRetryAsync([Body] TestVehicle body, [Property(Clients.Core.Resilience.ClientsRequestOptions.AllowRetryName)] bool allowRetry, CancellationToken cancellationToken = default);
}

public sealed class TestVehicle
{
    public string RegistrationNumber { get; set; } = string.Empty;

    public string? Status { get; set; }
}

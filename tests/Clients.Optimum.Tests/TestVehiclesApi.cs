using Clients.Optimum;
using Refit;

namespace Clients.Optimum.Tests;

// Hand-written stand-in with the generated interface's shape, plus the sandbox's echo route for write calls.
[OptimumApi]
public interface ITestVehiclesApi
{
    [Get("/Vehicles")]
    Task<ICollection<TestVehicle>> GetVehiclesAsync(CancellationToken cancellationToken = default);

    [Get("/Vehicles/{registrationNumber}")]
    Task<TestVehicle> GetVehicleAsync(string registrationNumber, CancellationToken cancellationToken = default);

    [Post("/sandbox/echo")]
    Task<TestVehicle> EchoAsync([Body] TestVehicle body, CancellationToken cancellationToken = default);
}

public sealed class TestVehicle
{
    public string RegistrationNumber { get; set; } = string.Empty;

    public string? Status { get; set; }
}

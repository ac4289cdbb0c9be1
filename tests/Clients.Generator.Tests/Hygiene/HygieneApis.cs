using Clients.Optimum;
using Clients.Origami;
using Clients.Ovh;
using Refit;

namespace Clients.Generator.Tests.Hygiene;

// Hand-written interfaces of the three providers, as a consumer declares them. The "Generated" ones the Clients
// generator implements (every method is one it can); the "Stub" ones carry a Stream method, so Refit's own stub serves
// them. Each has a route that does not exist (a typed error) and a JSON body read as the wrong shape (a deserialization
// error), on both paths.
[OptimumApi]
public interface IHygieneOptimumGeneratedApi
{
    [Get("/Vehicles")]
    Task<int> WrongShapeAsync(CancellationToken cancellationToken = default);

    [Get("/no-such-route")]
    Task<string> MissingAsync(CancellationToken cancellationToken = default);
}

[OptimumApi]
public interface IHygieneOptimumStubApi
{
    [Get("/Vehicles")]
    Task<int> WrongShapeAsync(CancellationToken cancellationToken = default);

    [Get("/no-such-route")]
    Task<string> MissingAsync(CancellationToken cancellationToken = default);

    [Get("/Vehicles")]
    Task<Stream> StreamAsync(CancellationToken cancellationToken = default);
}

[OrigamiApi]
public interface IHygieneOrigamiGeneratedApi
{
    [Get("/me")]
    Task<int> WrongShapeAsync(CancellationToken cancellationToken = default);

    [Get("/no-such-route")]
    Task<string> MissingAsync(CancellationToken cancellationToken = default);
}

[OrigamiApi]
public interface IHygieneOrigamiStubApi
{
    [Get("/me")]
    Task<int> WrongShapeAsync(CancellationToken cancellationToken = default);

    [Get("/no-such-route")]
    Task<string> MissingAsync(CancellationToken cancellationToken = default);

    [Get("/me")]
    Task<Stream> StreamAsync(CancellationToken cancellationToken = default);
}

[OvhApi]
public interface IHygieneOvhGeneratedApi
{
    [Get("/me")]
    Task<int> WrongShapeAsync(CancellationToken cancellationToken = default);

    [Get("/no-such-route")]
    Task<string> MissingAsync(CancellationToken cancellationToken = default);
}

[OvhApi]
public interface IHygieneOvhStubApi
{
    [Get("/me")]
    Task<int> WrongShapeAsync(CancellationToken cancellationToken = default);

    [Get("/no-such-route")]
    Task<string> MissingAsync(CancellationToken cancellationToken = default);

    [Get("/me")]
    Task<Stream> StreamAsync(CancellationToken cancellationToken = default);
}

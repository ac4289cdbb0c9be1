using Refit;

namespace Clients.Ovh.Tests.EndToEnd;

public sealed record SandboxMe(string Nichandle, string? Email);

/// <summary>
/// Stand-in for the generated <c>IOvhMeApi</c> until the regen output lands (same shape: [OvhApi], v1 path relative
/// to the /1.0 base, cancellation token); the generator emits its access-rule manifest.
/// </summary>
[OvhApi]
public interface ISandboxMeApi
{
    [Get("/me")]
    Task<SandboxMe> GetMeAsync(CancellationToken cancellationToken = default);
}

/// <summary>A call outside the rules of <see cref="ISandboxMeApi"/>.</summary>
[OvhApi]
public interface ISandboxDomainApi
{
    [Get("/domain")]
    Task<List<string>> ListDomainsAsync(CancellationToken cancellationToken = default);
}

using Clients.Origami;
using Clients.Origami.Models;
using Refit;

namespace Clients.Origami.Tests;

// A consumer-declared interface showing the two per-call ways to choose the context.
[OrigamiApi]
public interface ITestContextApi
{
    [Get("/me")]
    Task<UserResponse> GetMeAsOptionAsync([Property(OrigamiContext.PropertyKey)] string context, CancellationToken cancellationToken = default);

    [Get("/me")]
    Task<UserResponse> GetMeAsHeaderAsync([Header("context")] string context, CancellationToken cancellationToken = default);
}

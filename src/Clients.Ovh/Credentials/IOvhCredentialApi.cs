using Refit;

namespace Clients.Ovh;

/// <summary>The <c>/auth</c> calls behind <see cref="OvhCredentialClient"/>.</summary>
internal interface IOvhCredentialApi
{
    [Post("/auth/credential")]
    Task<OvhCredentialRequestResult> RequestCredentialAsync([Body] OvhCredentialRequestBody body, CancellationToken cancellationToken);

    [Get("/auth/currentCredential")]
    Task<OvhCredential> GetCurrentCredentialAsync([Property(OvhRequestOptions.ConsumerKeyName)] string consumerKey, CancellationToken cancellationToken);

    [Post("/auth/logout")]
    Task LogoutAsync([Property(OvhRequestOptions.ConsumerKeyName)] string consumerKey, CancellationToken cancellationToken);

    [Get("/auth/time")]
    Task<long> GetTimeAsync(CancellationToken cancellationToken);
}

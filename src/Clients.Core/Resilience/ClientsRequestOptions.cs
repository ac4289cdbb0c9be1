namespace Clients.Core.Resilience;

/// <summary>Per-request switches of the resilience pipeline (set on <see cref="HttpRequestMessage.Options"/>, or with Refit's <c>[Property]</c>).</summary>
public static class ClientsRequestOptions
{
    /// <summary>The name of <see cref="AllowRetry"/> (for Refit's <c>[Property(ClientsRequestOptions.AllowRetryName)] bool allowRetry</c>).</summary>
    public const string AllowRetryName = "Clients.AllowRetry";

    /// <summary>
    /// <see langword="true"/> on a POST or PATCH the caller knows to be safe to repeat (for example one carrying an
    /// idempotency key): the pipeline retries it like an idempotent request.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> AllowRetry = new(AllowRetryName);
}

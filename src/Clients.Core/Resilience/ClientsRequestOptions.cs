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

    /// <summary>The name of <see cref="StreamResponse"/> (for Refit's <c>[Property(ClientsRequestOptions.StreamResponseName)] bool stream</c>).</summary>
    public const string StreamResponseName = "Clients.StreamResponse";

    /// <summary>
    /// <see langword="true"/> to keep the response body streaming: the resilience pipeline then returns once the headers
    /// have arrived, and a connection dropped while the caller reads the body is the caller's to handle (no retry).
    /// Methods returning <see cref="Stream"/>, <see cref="HttpContent"/> or <see cref="HttpResponseMessage"/> stream
    /// without it; every other call's body is read inside the pipeline, so that a body cut or stalled mid-way is retried.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> StreamResponse = new(StreamResponseName);
}

namespace Clients.Core.Resilience;

/// <summary>
/// Settings of the resilience pipeline added by <see cref="ClientProviderBuilder.AddResilience"/>: a total timeout,
/// retries (idempotent methods only unless opted in; <c>Retry-After</c> honoured; jittered exponential backoff), a
/// circuit breaker that tolerates the transient fault rates a healthy API shows, and a per-attempt timeout.
/// Each provider sets its own defaults (see docs/resilience.md); a consumer overrides any of them.
/// </summary>
public sealed class ClientsResilienceOptions
{
    /// <summary>
    /// Retries after the first attempt. Default 6: at an 8 % transient fault rate a call then fails only when seven
    /// attempts in a row fail (about 2 in 10 million calls).
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 6;

    /// <summary>Base delay of the exponential, jittered backoff. Default 200 ms.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest backoff delay between two attempts (when the server names no <c>Retry-After</c>). Default 10 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest <c>Retry-After</c> (429, 503) the pipeline waits for before retrying; a longer one is returned to the
    /// caller at once. Default 60 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether non-idempotent methods (POST, PATCH) are retried too. Default <see langword="false"/>: only GET, HEAD,
    /// OPTIONS, PUT, DELETE and TRACE are. A single request opts in with <see cref="ClientsRequestOptions.AllowRetry"/>.
    /// </summary>
    public bool RetryNonIdempotentMethods { get; set; }

    /// <summary>Timeout of one attempt. Default 30 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of the whole call, retries and waits included. Default 2 min.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Failure ratio (5xx, 408, transport failures, attempt timeouts; not 429) over <see cref="BreakerSamplingDuration"/>
    /// that opens the circuit. Default 0.5: a healthy API with a few percent of transient faults never opens it.
    /// </summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in a sampling window before the breaker may open. Default 100.</summary>
    public int BreakerMinimumThroughput { get; set; } = 100;

    /// <summary>The breaker's sampling window. Default 30 s.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open. Default 5 s.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Client-side limit of requests per minute shared by all the provider's clients of the container (callers queue
    /// instead of getting 429s), or <see langword="null"/> for none. Default none.
    /// </summary>
    public int? PermitsPerMinute { get; set; }

    /// <summary>Validates the settings, naming the one that is wrong.</summary>
    /// <param name="provider">The provider's name, for the message.</param>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate(string provider)
    {
        static void Positive(TimeSpan value, string provider, string name)
        {
            if (value <= TimeSpan.Zero)
            {
                throw new ArgumentException($"{provider} resilience: {name} must be positive (was {value}).", name);
            }
        }

        if (MaxRetryAttempts is < 0 or > 100)
        {
            throw new ArgumentException($"{provider} resilience: {nameof(MaxRetryAttempts)} must be between 0 and 100 (was {MaxRetryAttempts}).", nameof(MaxRetryAttempts));
        }

        Positive(BaseDelay, provider, nameof(BaseDelay));
        Positive(MaxDelay, provider, nameof(MaxDelay));
        Positive(AttemptTimeout, provider, nameof(AttemptTimeout));
        Positive(TotalTimeout, provider, nameof(TotalTimeout));
        Positive(BreakerSamplingDuration, provider, nameof(BreakerSamplingDuration));
        Positive(BreakerBreakDuration, provider, nameof(BreakerBreakDuration));
        if (MaxRetryAfter < TimeSpan.Zero)
        {
            throw new ArgumentException($"{provider} resilience: {nameof(MaxRetryAfter)} must not be negative.", nameof(MaxRetryAfter));
        }

        if (BreakerFailureRatio is <= 0 or > 1)
        {
            throw new ArgumentException($"{provider} resilience: {nameof(BreakerFailureRatio)} must be in (0, 1] (was {BreakerFailureRatio}).", nameof(BreakerFailureRatio));
        }

        if (BreakerMinimumThroughput < 2)
        {
            throw new ArgumentException($"{provider} resilience: {nameof(BreakerMinimumThroughput)} must be at least 2 (was {BreakerMinimumThroughput}).", nameof(BreakerMinimumThroughput));
        }

        if (PermitsPerMinute is <= 0)
        {
            throw new ArgumentException($"{provider} resilience: {nameof(PermitsPerMinute)} must be positive when set (was {PermitsPerMinute}).", nameof(PermitsPerMinute));
        }
    }
}

namespace Clients.Sandbox;

/// <summary>
/// What <see cref="SandboxFaultsHttpClientBuilderExtensions.AddSandboxFaults(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder, SandboxFaultOptions)"/> injects, as fractions (0–1) of the
/// requests that pass through it: faults a real network and the proxies in front of a real API produce. Each request
/// draws once; the rates add up (at most 1). Read on every request, so they may be changed while a test runs.
/// </summary>
public sealed class SandboxFaultOptions
{
    /// <summary>Connection resets before the request is sent: an <see cref="HttpRequestException"/> (<see cref="HttpRequestError.ConnectionError"/>) with an <see cref="IOException"/> inside.</summary>
    public double ResetRate { get; set; }

    /// <summary><c>503 Service Unavailable</c> answers (with <see cref="ServiceUnavailableRetryAfter"/>, if set).</summary>
    public double ServiceUnavailableRate { get; set; }

    /// <summary><c>429 Too Many Requests</c> answers with <c>Retry-After: </c><see cref="RetryAfter"/>.</summary>
    public double TooManyRequestsRate { get; set; }

    /// <summary>
    /// Successful answers whose body is cut halfway: the headers (and <c>Content-Length</c>) arrive, then reading the body
    /// throws an <see cref="IOException"/> (connection reset).
    /// </summary>
    public double MidBodyDropRate { get; set; }

    /// <summary>Successful answers whose body stops arriving halfway for <see cref="StallDuration"/>, then resumes.</summary>
    public double StallRate { get; set; }

    /// <summary>
    /// <c>200 OK</c> answers carrying an HTML page (<c>text/html</c>), as a proxy, captive portal or maintenance page sends
    /// in the API's place. The API is not called.
    /// </summary>
    public double HtmlPageRate { get; set; }

    /// <summary>
    /// Successful answers sent chunked (no <c>Content-Length</c>) and ended before the last chunk: reading the body throws
    /// an <see cref="HttpIOException"/> (<see cref="HttpRequestError.ResponseEnded"/>).
    /// </summary>
    public double TruncatedChunkedRate { get; set; }

    /// <summary>The <c>Retry-After</c> of injected 429s. Default 1 s.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The <c>Retry-After</c> of injected 503s, or <see langword="null"/> for none. Default none.</summary>
    public TimeSpan? ServiceUnavailableRetryAfter { get; set; }

    /// <summary>How long a stalled body stops. Default 60 s (longer than an attempt timeout you would set in a test).</summary>
    public TimeSpan StallDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Seed of the draws, for a reproducible sequence of faults (the same requests, in the same order, get the same
    /// faults); <see langword="null"/> for a random one. Default <see langword="null"/>.
    /// </summary>
    public int? Seed { get; set; }

    /// <summary>At most this many faults are injected in all (then requests pass untouched); <see langword="null"/> for no limit.</summary>
    public int? MaxFaults { get; set; }

    /// <summary>Whether faults are injected at all (for example off during a warm-up). Default <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The clock stalls wait on. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>What has been injected. Share one instance between registrations to count them together.</summary>
    public SandboxFaultCounters Counters { get; set; } = new();

    /// <summary>Checks the rates and durations.</summary>
    /// <exception cref="ArgumentException">A rate is outside 0–1, the rates add up to more than 1, or a duration is negative.</exception>
    public void Validate()
    {
        double[] rates = [ResetRate, ServiceUnavailableRate, TooManyRequestsRate, MidBodyDropRate, StallRate, HtmlPageRate, TruncatedChunkedRate];
        if (rates.Any(static r => r is < 0 or > 1 || double.IsNaN(r)))
        {
            throw new ArgumentException("Every sandbox fault rate must be between 0 and 1.");
        }

        if (rates.Sum() > 1 + 1e-9)
        {
            throw new ArgumentException($"The sandbox fault rates add up to {rates.Sum()}, more than 1.");
        }

        if (RetryAfter < TimeSpan.Zero || ServiceUnavailableRetryAfter < TimeSpan.Zero || StallDuration < TimeSpan.Zero)
        {
            throw new ArgumentException("Sandbox fault durations must not be negative.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Counters);
        if (MaxFaults is < 0)
        {
            throw new ArgumentException("MaxFaults must not be negative.");
        }
    }
}

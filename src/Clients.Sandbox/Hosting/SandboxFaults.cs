using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Hosting;

/// <summary>
/// Faults an emulator injects into its API requests (never into its token endpoint): connection resets, 503, and 429
/// with <c>Retry-After</c>, either at random rates (load and fault runs) or for the next N requests (tests).
/// Counters say how many of each were injected.
/// </summary>
public sealed class SandboxFaults
{
    private int _resetsOnDemand;
    private int _unavailableOnDemand;
    private int _throttledOnDemand;
    private long _resets;
    private long _unavailable;
    private long _throttled;

    /// <summary>Fraction (0–1) of API requests whose connection is reset without an answer.</summary>
    public double ResetRate { get; set; }

    /// <summary>Fraction (0–1) of API requests answered 503.</summary>
    public double ServiceUnavailableRate { get; set; }

    /// <summary>Fraction (0–1) of API requests answered 429 with <c>Retry-After</c>.</summary>
    public double TooManyRequestsRate { get; set; }

    /// <summary>The <c>Retry-After</c> (seconds) of injected 429s. Default 1.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Connection resets injected so far.</summary>
    public long Resets => Interlocked.Read(ref _resets);

    /// <summary>503 answers injected so far.</summary>
    public long ServiceUnavailable => Interlocked.Read(ref _unavailable);

    /// <summary>429 answers injected so far.</summary>
    public long TooManyRequests => Interlocked.Read(ref _throttled);

    /// <summary>Makes the next <paramref name="count"/> API requests fail with <paramref name="fault"/>.</summary>
    /// <param name="fault">503, 429, or 0 for a connection reset.</param>
    /// <param name="count">How many.</param>
    public void FailNext(int fault, int count = 1)
    {
        switch (fault)
        {
            case 0:
                Interlocked.Exchange(ref _resetsOnDemand, count);
                break;
            case StatusCodes.Status503ServiceUnavailable:
                Interlocked.Exchange(ref _unavailableOnDemand, count);
                break;
            case StatusCodes.Status429TooManyRequests:
                Interlocked.Exchange(ref _throttledOnDemand, count);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "Use 0 (connection reset), 503 or 429.");
        }
    }

    /// <summary>Applies a fault to <paramref name="context"/> if one is due.</summary>
    /// <param name="context">The API request.</param>
    /// <returns><see langword="true"/> when the request was answered (or aborted) with a fault.</returns>
    public async Task<bool> TryApplyAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var roll = ResetRate + ServiceUnavailableRate + TooManyRequestsRate > 0 ? Random.Shared.NextDouble() : 1.0;
        if (OnDemandCounter.TryConsume(ref _resetsOnDemand) || roll < ResetRate)
        {
            Interlocked.Increment(ref _resets);
            context.Abort();
            return true;
        }

        if (OnDemandCounter.TryConsume(ref _unavailableOnDemand) || roll < ResetRate + ServiceUnavailableRate)
        {
            Interlocked.Increment(ref _unavailable);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("Service Unavailable (sandbox fault)").ConfigureAwait(false);
            return true;
        }

        if (OnDemandCounter.TryConsume(ref _throttledOnDemand) || roll < ResetRate + ServiceUnavailableRate + TooManyRequestsRate)
        {
            Interlocked.Increment(ref _throttled);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            context.Response.ContentType = "text/plain";
            await context.Response.WriteAsync("Too Many Requests (sandbox fault)").ConfigureAwait(false);
            return true;
        }

        return false;
    }
}

using System.Net;
using System.Threading.RateLimiting;
using Clients.Core.Telemetry;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;

namespace Clients.Core.Resilience;

/// <summary>
/// Builds the provider-tuned pipeline: [rate limiter] → total timeout → retry → circuit breaker → attempt timeout →
/// body (the response body read inside the attempt, see <see cref="ResponseBodyBufferingStrategy"/>).
/// </summary>
internal static class ClientsResiliencePipeline
{
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "AddStrategy validates the strategy's options with data annotations; ResponseBodyBufferingStrategy.Options has none (only the inherited Name), so nothing trimmed away can change the outcome.")]
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ClientsResilienceOptions options, string provider, RateLimiter? limiter)
    {
        var telemetry = ClientsTelemetry.For(provider);
        var timeProvider = pipeline.TimeProvider ?? TimeProvider.System;
        if (limiter is not null)
        {
            pipeline.AddRateLimiter(limiter);
        }

        pipeline
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout })
            .AddRetry(new HttpRetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldRetryAfterHeader = false, // handled below, with the MaxRetryAfter bound
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, options, timeProvider)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, timeProvider)),
                OnRetry = args =>
                {
                    var request = args.Context.GetRequestMessage();
                    telemetry.Retries.Add(
                        1,
                        new KeyValuePair<string, object?>("http.request.method", request?.Method.Method ?? "_OTHER"),
                        new KeyValuePair<string, object?>("error.type", ErrorType(args.Outcome)));
                    return default;
                },
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                Name = "breaker",
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,

                // 429 means the API is healthy and asks to slow down: the retry waits for it, the breaker ignores it.
                ShouldHandle = args => ValueTask.FromResult(IsTransientFailure(args.Outcome) && args.Outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests),
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout })

            // Inside the attempt: a body that drops or stalls fails the attempt, which the retry sees.
            .AddStrategy(static _ => new ResponseBodyBufferingStrategy(), new ResponseBodyBufferingStrategy.Options());
    }

    internal static bool IsRetryableMethod(HttpRequestMessage? request, ClientsResilienceOptions options)
    {
        if (request is null)
        {
            return false;
        }

        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Options
            || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Trace)
        {
            return true;
        }

        return options.RetryNonIdempotentMethods
            || (request.Options.TryGetValue(ClientsRequestOptions.AllowRetry, out var allowed) && allowed);
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, ClientsResilienceOptions options, TimeProvider timeProvider)
    {
        if (!IsTransientFailure(outcome) && outcome.Exception is not BrokenCircuitException)
        {
            return false;
        }

        if (!IsRetryableMethod(outcome.Result?.RequestMessage ?? context.GetRequestMessage(), options))
        {
            return false;
        }

        // A Retry-After longer than the caller can wait goes back to the caller at once.
        return RetryAfter(outcome.Result, timeProvider) is not { } wait || wait <= options.MaxRetryAfter;
    }

    // 5xx, 408, 429, transport failures and attempt timeouts; never the caller's own cancellation.
    private static bool IsTransientFailure(Outcome<HttpResponseMessage> outcome) => HttpClientResiliencePredicates.IsTransient(outcome);

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider)
    {
        if (response?.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        if (retryAfter.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private static string ErrorType(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex
            ? ex.GetType().FullName ?? ex.GetType().Name
            : ((int?)outcome.Result?.StatusCode)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "_OTHER";
}

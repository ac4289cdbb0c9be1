using System.Net;
using Clients.Core.Wire;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Clients.Core.Resilience;

/// <summary>
/// The innermost strategy of the pipeline (inside the attempt timeout): reads the body of every response the caller
/// will keep into memory before the attempt ends, so that a connection dropped or stalled mid-body is a failure of that
/// attempt (an <see cref="HttpRequestException"/> with the <see cref="IOException"/> inside, or the attempt timeout),
/// retried like a reset, instead of a deserialization error after the pipeline has returned. Not buffered: responses
/// the retry handles by status (5xx, 408, 429) and calls that stream (see <see cref="ResponseExpectation.Streams"/>).
/// </summary>
internal sealed class ResponseBodyBufferingStrategy : ResilienceStrategy<HttpResponseMessage>
{
    /// <summary>The strategy's options (it has none but its name).</summary>
    public sealed class Options : ResilienceStrategyOptions
    {
        /// <summary>Creates the options.</summary>
        public Options() => Name = "body";
    }

    /// <inheritdoc />
    protected override async ValueTask<Outcome<HttpResponseMessage>> ExecuteCore<TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<HttpResponseMessage>>> callback,
        ResilienceContext context,
        TState state)
    {
        var outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
        if (outcome.Result is not { } response || !ShouldBuffer(response, context.GetRequestMessage()))
        {
            return outcome;
        }

        try
        {
            await response.Content.LoadIntoBufferAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
            return outcome;
        }
        catch (Exception exception)
        {
            response.Dispose();
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    private static bool ShouldBuffer(HttpResponseMessage response, HttpRequestMessage? request)
    {
        var status = (int)response.StatusCode;
        return status < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
            && !ResponseExpectation.Streams(response.RequestMessage ?? request);
    }
}

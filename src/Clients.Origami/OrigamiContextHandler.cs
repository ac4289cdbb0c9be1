using Microsoft.Extensions.Options;

namespace Clients.Origami;

/// <summary>Sets the <c>context</c> header of each request (see <see cref="OrigamiContext"/> for the precedence).</summary>
internal sealed class OrigamiContextHandler(IOptions<OrigamiOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains(OrigamiContext.HeaderName))
        {
            if (!request.Options.TryGetValue(OrigamiContext.RequestOption, out var context) || string.IsNullOrEmpty(context))
            {
                context = OrigamiContext.Current ?? options.Value.DefaultContext;

                // Recorded on the request so that any later handler (and a resend) sees the same value.
                request.Options.Set(OrigamiContext.RequestOption, context);
            }

            request.Headers.TryAddWithoutValidation(OrigamiContext.HeaderName, context);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

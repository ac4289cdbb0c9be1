using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace Clients.Core;

/// <summary>
/// Appends each provider client's authentication handler after every other configured handler, so that it is the
/// innermost one whatever order the consumer configured resilience or logging in.
/// </summary>
internal sealed class InnermostHandlerFilter(IOptionsMonitor<InnermostHandlerOptions> options) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next)
    {
        return builder =>
        {
            next(builder);
            var factory = options.Get(builder.Name).Factory;
            if (factory is not null)
            {
                builder.AdditionalHandlers.Add(factory(builder.Services));
            }
        };
    }
}

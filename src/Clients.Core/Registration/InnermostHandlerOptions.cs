namespace Clients.Core;

/// <summary>Per named client: the handler that must sit innermost, next to the transport.</summary>
internal sealed class InnermostHandlerOptions
{
    public Func<IServiceProvider, DelegatingHandler>? Factory { get; set; }
}

namespace Clients.Sandbox;

/// <summary>The faults the injector draws from.</summary>
internal enum SandboxFault
{
    None,
    Reset,
    ServiceUnavailable,
    TooManyRequests,
    HtmlPage,
    MidBodyDrop,
    Stall,
    TruncatedChunked,
}

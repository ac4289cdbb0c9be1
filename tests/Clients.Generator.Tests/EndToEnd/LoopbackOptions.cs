namespace Clients.Generator.Tests.EndToEnd;

public sealed class LoopbackOptions
{
    public Uri? BaseAddress { get; set; }

    public string Token { get; set; } = string.Empty;
}

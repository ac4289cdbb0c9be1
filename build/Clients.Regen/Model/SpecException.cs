namespace Clients.Regen.Model;

/// <summary>A document could not be pulled, read or generated. The message names provider, source and reason.</summary>
internal sealed class SpecException(string provider, string source, string reason)
    : Exception($"{provider}: {source}: {reason}")
{
    public string Provider { get; } = provider;

    public string SourceLocation { get; } = source;

    public string Reason { get; } = reason;
}

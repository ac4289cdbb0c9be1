namespace Clients.SpecTools;

/// <summary>Tunes <see cref="SpecValidator"/>.</summary>
public sealed record SpecValidationOptions
{
    /// <summary>The defaults: a document must declare at least one operation.</summary>
    public static SpecValidationOptions Default { get; } = new();

    /// <summary>
    /// Accept a document whose <c>paths</c> declare no operation. Off by default: an empty document from a provider is
    /// far more likely a broken export than a real API with nothing in it, and it would delete every generated client.
    /// </summary>
    public bool AllowNoOperations { get; init; }
}

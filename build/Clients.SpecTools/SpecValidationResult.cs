namespace Clients.SpecTools;

/// <summary>The outcome of <see cref="SpecValidator.Validate(ReadOnlyMemory{byte}, string?, SpecSource)"/>.</summary>
/// <param name="IsValid">Whether the document may replace the committed one.</param>
/// <param name="Reason">
/// When invalid: one sentence naming the provider, document key and location, then what is wrong and where
/// (JSON pointer, or line and byte offset). <see langword="null"/> when valid.
/// </param>
public sealed record SpecValidationResult(bool IsValid, string? Reason)
{
    /// <summary>A successful validation.</summary>
    public static SpecValidationResult Valid { get; } = new(true, null);

    /// <summary>
    /// When invalid: what is wrong and where, without the source (for callers whose own error message already names
    /// the provider and location). <see langword="null"/> when valid.
    /// </summary>
    public string? Problem { get; init; }

    /// <summary>The JSON pointer of the offending node, when the problem is located in the document's structure.</summary>
    public string? Pointer { get; init; }

    /// <summary>The number of operations found in a valid document (0 when invalid).</summary>
    public int OperationCount { get; init; }

    /// <summary>Creates a failed result whose <see cref="Reason"/> names <paramref name="source"/>.</summary>
    /// <param name="source">The document's source.</param>
    /// <param name="problem">What is wrong and where.</param>
    /// <param name="pointer">The JSON pointer of the offending node, if any.</param>
    public static SpecValidationResult Invalid(SpecSource source, string problem, string? pointer = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(problem);
        return new SpecValidationResult(false, $"Invalid {source}: {problem}") { Problem = problem, Pointer = pointer };
    }
}

namespace Clients.SpecTools.Reading;

/// <summary>A document could not be read. <see cref="Exception.Message"/> is the reason, naming the place when known.</summary>
internal sealed class SpecReadException : Exception
{
    public SpecReadException(string reason, string? pointer = null, Exception? inner = null)
        : base(reason, inner)
    {
        Pointer = pointer;
    }

    /// <summary>The JSON pointer of the problem (<c>/paths/~1pets/get</c>), when known.</summary>
    public string? Pointer { get; }
}

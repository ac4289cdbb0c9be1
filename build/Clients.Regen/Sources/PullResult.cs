namespace Clients.Regen.Sources;

/// <summary>The outcome of pulling one document: its bytes, or why there are none.</summary>
internal sealed record PullResult(string Location, byte[]? Content, string? MediaType, string? Error, bool Unreachable)
{
    public static PullResult Ok(string location, byte[] content, string? mediaType) => new(location, content, mediaType, null, false);

    public static PullResult Failed(string location, string error) => new(location, null, null, error, false);

    /// <summary>No network (DNS or connection failure): the caller may fall back to committed code.</summary>
    public static PullResult NoNetwork(string location, string error) => new(location, null, null, error, true);
}

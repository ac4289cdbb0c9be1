namespace Clients.Regen.Pipeline;

/// <summary>A document ready for generation.</summary>
/// <param name="Key">Document key within its provider (<c>v1/me</c>, <c>swagger</c>).</param>
/// <param name="Source">The canonical source recorded in the lock (live URL or committed file).</param>
/// <param name="ReadFrom">Where the bytes were actually read (mirror file, URL, committed file).</param>
/// <param name="LocalCopy">Where RegenClients stores the document under <c>specs/</c>, or null when it is already there.</param>
internal sealed record PulledDocument(string Key, string Source, string ReadFrom, byte[] Content, string? LocalCopy)
{
    public string Sha256 { get; } = Hashing.Sha256(Content);
}

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>
/// The document-driven emulator of <c>Clients.Sandbox</c> serving one corpus document (issue 17: answers every operation
/// with data synthesized from its success schema, validates path, query, header and body strictly, 400 otherwise).
/// </summary>
/// <remarks>
/// Not in <c>Clients.Sandbox</c> yet: until it is, <see cref="Available"/> is false and the sweep reports every document
/// as "not called" instead of calling it (the generation and compilation figures still count).
/// </remarks>
internal sealed class CorpusEmulator : IAsyncDisposable
{
    private CorpusEmulator(Uri baseUri, IAsyncDisposable host)
    {
        BaseUri = baseUri;
        Host = host;
    }

    /// <summary>Whether <c>Clients.Sandbox</c> has a document-driven emulator this sweep can call.</summary>
    public static bool Available => false;

    /// <summary>Why no operation is called when <see cref="Available"/> is false.</summary>
    public const string Missing = "no document-driven emulator in Clients.Sandbox yet (issue 17)";

    /// <summary>Where the emulator serves the document's paths.</summary>
    public Uri BaseUri { get; }

    private IAsyncDisposable Host { get; }

    /// <summary>Starts an emulator serving <paramref name="document"/> (as the generator read it).</summary>
    public static Task<CorpusEmulator> StartAsync(byte[] document) =>
        throw new NotSupportedException(Missing + $" ({document.Length} bytes not served)");

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}

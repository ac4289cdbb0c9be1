using Clients.Sandbox.Specs;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>
/// The document-driven emulator of <c>Clients.Sandbox</c> (<see cref="SpecSandbox"/>) serving one corpus document: every
/// operation answered with data synthesized from its success schema, path, query, header and body validated strictly
/// (400 otherwise), with its own OAuth2 token endpoint, so the consumer's clients authenticate as they would against
/// the real API.
/// </summary>
internal sealed class CorpusEmulator : IAsyncDisposable
{
    public const string ClientId = "corpus-sweep";
    public const string ClientSecret = "corpus-sweep-secret";

    private readonly SpecSandbox _sandbox;

    private CorpusEmulator(SpecSandbox sandbox) => _sandbox = sandbox;

    /// <summary>Where the emulator serves the document's paths (its base path included).</summary>
    public Uri BaseUri => _sandbox.BaseAddress;

    /// <summary>The emulator's token endpoint.</summary>
    public Uri TokenUrl => _sandbox.TokenUrl!;

    /// <summary>Starts an emulator serving <paramref name="document"/> (OpenAPI 3.x JSON, as the generator read it).</summary>
    public static async Task<CorpusEmulator> StartAsync(CorpusDocument source, byte[] document) =>
        new(await SpecSandbox.StartAsync(document, new SpecSandboxOptions { Name = source.Name, ClientId = ClientId, ClientSecret = ClientSecret }, CancellationToken.None));

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}

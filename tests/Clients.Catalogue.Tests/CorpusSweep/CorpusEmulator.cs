using System.Reflection;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>
/// The document-driven emulator of <c>Clients.Sandbox</c> (issue 17: <c>Clients.Sandbox.Specs.SpecSandbox</c>) serving one
/// corpus document: every operation answered with data synthesized from its success schema, path, query, header and body
/// validated strictly (400 otherwise), with its own OAuth2 token endpoint, so the consumer's clients authenticate as
/// they would against the real API.
/// </summary>
/// <remarks>
/// Found by name, so the sweep lights up when the engine is there; until then <see cref="Available"/> is false and
/// the sweep reports every document as "not called" (the generation and compilation figures still count).
/// </remarks>
internal sealed class CorpusEmulator : IAsyncDisposable
{
    public const string ClientId = "corpus-sweep";
    public const string ClientSecret = "corpus-sweep-secret";

    /// <summary>Why no operation is called when <see cref="Available"/> is false.</summary>
    public const string Missing = "no document-driven emulator (Clients.Sandbox.Specs.SpecSandbox) in Clients.Sandbox yet";

    private static readonly Type? Sandbox = typeof(Clients.Sandbox.Ovh.OvhSandbox).Assembly.GetType("Clients.Sandbox.Specs.SpecSandbox");
    private static readonly Type? Options = typeof(Clients.Sandbox.Ovh.OvhSandbox).Assembly.GetType("Clients.Sandbox.Specs.SpecSandboxOptions");

    private readonly IAsyncDisposable _sandbox;

    private CorpusEmulator(IAsyncDisposable sandbox)
    {
        _sandbox = sandbox;
        BaseUri = (Uri)Sandbox!.GetProperty("BaseAddress")!.GetValue(sandbox)!;
        TokenUrl = (Uri)Sandbox.GetProperty("TokenUrl")!.GetValue(sandbox)!;
    }

    /// <summary>Whether <c>Clients.Sandbox</c> has the document-driven emulator.</summary>
    public static bool Available => Sandbox is not null && Options is not null;

    /// <summary>Where the emulator serves the document's paths (its base path included).</summary>
    public Uri BaseUri { get; }

    /// <summary>The emulator's token endpoint.</summary>
    public Uri TokenUrl { get; }

    /// <summary>Starts an emulator serving <paramref name="document"/> (OpenAPI 3.x JSON, as the generator read it).</summary>
    public static async Task<CorpusEmulator> StartAsync(CorpusDocument source, byte[] document)
    {
        var options = Activator.CreateInstance(Options!)!;
        Options!.GetProperty("Name")!.SetValue(options, source.Name);
        Options.GetProperty("ClientId")!.SetValue(options, ClientId);
        Options.GetProperty("ClientSecret")!.SetValue(options, ClientSecret);
        var start = Sandbox!.GetMethod("StartAsync", [typeof(byte[]), Options, typeof(CancellationToken)])!;
        var task = (Task)start.Invoke(null, [document, options, CancellationToken.None])!;
        await task;
        return new CorpusEmulator((IAsyncDisposable)task.GetType().GetProperty("Result")!.GetValue(task)!);
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}

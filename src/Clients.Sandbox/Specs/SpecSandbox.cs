using System.Text.Json;
using Clients.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Clients.Sandbox.Specs;

/// <summary>
/// An emulator of any OpenAPI 3.x document on loopback (a <see cref="SpecEmulator"/> on its own Kestrel server):
/// <code>
/// await using var api = await SpecSandbox.StartAsync(File.ReadAllBytes("openapi.json"));
/// var response = await http.GetAsync(new Uri(api.BaseAddress, "pets/42"));
/// </code>
/// </summary>
public sealed class SpecSandbox : IAsyncDisposable
{
    private readonly SandboxHost _host;

    private SpecSandbox(SandboxHost host, SpecEmulator emulator)
    {
        _host = host;
        Emulator = emulator;
    }

    /// <summary>The server's root, for example <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri HostUri => _host.BaseUri;

    /// <summary>Where the operations are served: the root plus the base path, with a trailing slash (<c>http://127.0.0.1:51234/v1/</c>).</summary>
    public Uri BaseAddress => new(_host.BaseUri, Emulator.BasePath.TrimStart('/') + (Emulator.BasePath.Length > 0 ? "/" : string.Empty));

    /// <summary>The token endpoint, when the options set a client id and secret.</summary>
    public Uri? TokenUrl { get; private init; }

    /// <summary>The engine: drift, latency, faults, recorded calls, tokens.</summary>
    public SpecEmulator Emulator { get; }

    /// <summary>Starts an emulator of an OpenAPI 3.x JSON document.</summary>
    /// <param name="document">The document's bytes (UTF-8, with or without a byte-order mark).</param>
    /// <param name="options">Settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">The document is not OpenAPI 3.x JSON.</exception>
    public static Task<SpecSandbox> StartAsync(byte[] document, SpecSandboxOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(new SpecEmulator(document, options), options, cancellationToken);

    /// <summary>Starts an emulator of an OpenAPI 3.x document given as JSON.</summary>
    /// <param name="document">The document.</param>
    /// <param name="options">Settings, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running emulator; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">The document is not OpenAPI 3.x.</exception>
    public static Task<SpecSandbox> StartAsync(JsonElement document, SpecSandboxOptions? options = null, CancellationToken cancellationToken = default) =>
        StartAsync(new SpecEmulator(document, options), options, cancellationToken);

    private static Task<SpecSandbox> StartAsync(SpecEmulator emulator, SpecSandboxOptions? options, CancellationToken cancellationToken) =>
        StartAsync(emulator, options, port: 0, cancellationToken);

    internal static async Task<SpecSandbox> StartAsync(SpecEmulator emulator, SpecSandboxOptions? options, int port, CancellationToken cancellationToken)
    {
        var host = await SandboxHost.StartAsync(app => ((IApplicationBuilder)app).Run(emulator.HandleAsync), port, cancellationToken).ConfigureAwait(false);
        return new SpecSandbox(host, emulator)
        {
            TokenUrl = emulator.RequiresToken ? new Uri(host.BaseUri, (options?.TokenPath ?? "/oauth/token").TrimStart('/')) : null,
        };
    }

    /// <summary>Stops the server.</summary>
    /// <returns>A task.</returns>
    public ValueTask DisposeAsync() => _host.DisposeAsync();
}

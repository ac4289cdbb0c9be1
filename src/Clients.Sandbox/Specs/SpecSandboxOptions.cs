using Clients.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Specs;

/// <summary>Settings of a document-driven emulator (<see cref="SpecSandbox"/>, <see cref="SpecEmulator"/>).</summary>
public sealed class SpecSandboxOptions
{
    /// <summary>
    /// The path the operations are served under (<c>/v1</c>). Default: the path of the document's first server URL
    /// (<c>https://{instance}/v1</c> → <c>/v1</c>), or the root.
    /// </summary>
    public string? BasePath { get; set; }

    /// <summary>Names the document in messages. Default <c>document</c>.</summary>
    public string Name { get; set; } = "document";

    /// <summary>Drift mode of the answers (see <see cref="SandboxDriftMode"/>); can change while running through <see cref="SpecEmulator.Drift"/>.</summary>
    public SandboxDriftMode Drift { get; set; }

    /// <summary>A delay before every API answer (wall clock); can change while running through <see cref="SpecEmulator.Latency"/>.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The emulator's clock (token expiry). Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// When set (with <see cref="ClientSecret"/>), the emulator serves an OAuth2 client-credentials token endpoint at
    /// <see cref="TokenPath"/> and every operation requires a bearer token it issued (401 otherwise).
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret the token endpoint accepts (see <see cref="ClientId"/>).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The token endpoint's path (outside <see cref="BasePath"/>). Default <c>/oauth/token</c>.</summary>
    public string TokenPath { get; set; } = "/oauth/token";

    /// <summary>The <c>expires_in</c> of issued tokens. Default one hour.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Writes the body of a refused call (400, 401, 404, 405) in a provider's own format. Default: the strict OVH
    /// emulator's <c>{"errorCode", "httpCode", "message"}</c>.
    /// </summary>
    public Func<HttpContext, SpecSandboxProblem, Task>? WriteError { get; set; }

    /// <summary>
    /// Runs for every call that matches an operation, before validation (a provider's own authentication, a context
    /// header). Return <see langword="true"/> when it has answered the call itself.
    /// </summary>
    public Func<HttpContext, Task<bool>>? BeforeOperation { get; set; }
}

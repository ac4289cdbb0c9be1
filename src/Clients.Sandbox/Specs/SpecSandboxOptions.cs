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
    /// Accepts values of subtypes the document does not know yet (forward compatibility: a real API adds a
    /// <c>Hexagon</c> to a <c>Shape</c> hierarchy before its document says so). A JSON value whose discriminator names
    /// no mapped subtype and no schema is checked against the hierarchy's base instead — the base's properties typed,
    /// its required ones present, properties the document does not know allowed; for a <c>oneOf</c>/<c>anyOf</c> the
    /// base is the <c>allOf</c> part with the same discriminator every alternative has (none: only the discriminator is
    /// checked). Applies to request bodies, <see cref="EchoRequestBodies"/> and <see cref="Answers"/>.
    /// Default <see langword="false"/>: such a value is validated against the document as it is, and refused when it
    /// fits no alternative (400).
    /// </summary>
    public bool FutureSubtypes { get; set; }

    /// <summary>
    /// Answers an operation that received a JSON body with that body, the bytes as received, instead of synthesized
    /// data (a create that returns what it created): when the success response is JSON and the body fits its schema;
    /// a body that does not fit is answered <c>500</c> <c>ECHO_DOES_NOT_FIT</c> with the reason (the test asked for an
    /// echo the document does not allow). Operations without a request body are answered as usual. Default
    /// <see langword="false"/>.
    /// </summary>
    public bool EchoRequestBodies { get; set; }

    /// <summary>
    /// Canned answers, keyed by the operation's method and path template as the document writes it
    /// (<c>"GET /shapes"</c>): the JSON served, byte for byte, instead of synthesized data, after the call is validated
    /// as usual. Each is checked against the operation's success schema when the emulator is created
    /// (<see cref="ArgumentException"/> when the key names no operation, the operation's success response is not JSON,
    /// or the JSON does not fit; <see cref="FutureSubtypes"/> applies).
    /// </summary>
    public IDictionary<string, byte[]> Answers { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

    /// <summary>
    /// Runs for every call that matches an operation, before validation (a provider's own authentication, a context
    /// header). Return <see langword="true"/> when it has answered the call itself.
    /// </summary>
    public Func<HttpContext, Task<bool>>? BeforeOperation { get; set; }
}

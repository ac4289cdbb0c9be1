using System.Text.Encodings.Web;
using System.Text.Json;

namespace Clients.Sandbox.Hosting;

/// <summary>How the emulators write JSON they build: as APIs do, without HTML escaping (<c>+01:00</c>, not <c>\u002B01:00</c>).</summary>
internal static class SandboxJson
{
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}

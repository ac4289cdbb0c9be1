namespace Clients.Sandbox.Ovh;

/// <summary>A request as the OVH emulator received it, for assertions on exactly what a client sent.</summary>
public sealed class OvhSandboxRequest
{
    internal OvhSandboxRequest(string method, string rawTarget, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Method = method;
        RawTarget = rawTarget;
        Headers = headers;
        Body = body;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request target exactly as sent: raw path and query, percent-encoding preserved.</summary>
    public string RawTarget { get; }

    /// <summary>The headers (names case-insensitive). They include the consumer key: do not log them.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body bytes exactly as received (empty for none).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {RawTarget} ({Body.Length} body bytes)";
}

namespace Clients.Sandbox.Specs;

/// <summary>One call the document-driven emulator answered (faults excluded): what came in and how it was answered.</summary>
public sealed class SpecSandboxCall
{
    /// <summary>Creates a record.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="target">The request target (path and query, as sent).</param>
    /// <param name="operation">The operation's path template and method (<c>GET /pets/{id}</c>), or null when none matched.</param>
    /// <param name="status">The status answered.</param>
    /// <param name="problem">Why the call was refused, or null when it was answered with data.</param>
    public SpecSandboxCall(string method, string target, string? operation, int status, SpecSandboxProblem? problem)
    {
        Method = method;
        Target = target;
        Operation = operation;
        Status = status;
        Problem = problem;
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>The request target (path and query, as sent).</summary>
    public string Target { get; }

    /// <summary>The operation's path template and method (<c>GET /pets/{id}</c>), or null when none matched.</summary>
    public string? Operation { get; }

    /// <summary>The status answered.</summary>
    public int Status { get; }

    /// <summary>Why the call was refused, or null when it was answered with data.</summary>
    public SpecSandboxProblem? Problem { get; }

    /// <summary>The request body, the bytes as received (empty when there was none or the call was refused before it was read).</summary>
    public ReadOnlyMemory<byte> RequestBody { get; init; }

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {Target} -> {Status}{(Problem is null ? "" : " " + Problem.Message)}";
}

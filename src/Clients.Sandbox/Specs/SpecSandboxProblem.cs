namespace Clients.Sandbox.Specs;

/// <summary>Why the document-driven emulator refuses a call: what its error body says.</summary>
public sealed class SpecSandboxProblem
{
    /// <summary>Creates a problem.</summary>
    /// <param name="status">The HTTP status (400, 401, 404, 405).</param>
    /// <param name="code">A stable code: <c>INVALID_PARAMETER</c>, <c>NOT_AUTHENTICATED</c>, <c>NOT_FOUND</c>, <c>METHOD_NOT_ALLOWED</c>.</param>
    /// <param name="message">What is wrong, for a person (never a secret).</param>
    public SpecSandboxProblem(int status, string code, string message)
    {
        Status = status;
        Code = code;
        Message = message;
    }

    /// <summary>The HTTP status.</summary>
    public int Status { get; }

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Status} {Code}: {Message}";
}

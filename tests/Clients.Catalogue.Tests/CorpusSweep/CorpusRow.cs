using Clients.Catalogue.Tests.AllOperations;

namespace Clients.Catalogue.Tests.CorpusSweep;

/// <summary>The figures of one document: operations declared, generated, compiled, called, and what failed where.</summary>
internal sealed record CorpusRow(CorpusDocument Document, string Form, int? Declared)
{
    /// <summary>Operations RegenClients generated (Refit methods).</summary>
    public int Generated { get; set; }

    /// <summary>Generated operations that compiled cleanly (0 when the document's code did not).</summary>
    public int Compiled { get; set; }

    /// <summary>The calls made through the generated clients (null: not called, see <see cref="NotCalled"/>).</summary>
    public IReadOnlyList<CallResult>? Calls { get; set; }

    /// <summary>Why no operation was called.</summary>
    public string? NotCalled { get; set; }

    /// <summary>Where the document stopped and why: generation or compilation failures.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>Calls that failed on the client side or were refused as malformed.</summary>
    public IReadOnlyList<CallResult> FailedCalls =>
        Calls?.Where(c => c.Outcome is CallOutcome.ClientSide or CallOutcome.Malformed).ToList() ?? [];

    /// <summary>Every failure of this document, one line each.</summary>
    public IEnumerable<string> AllFailures => Failures.Concat(FailedCalls.Select(c => "call " + c));
}

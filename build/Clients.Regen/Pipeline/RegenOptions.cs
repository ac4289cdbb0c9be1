namespace Clients.Regen.Pipeline;

/// <summary>Where the tool reads and writes, and where documents come from.</summary>
internal sealed record RegenOptions
{
    /// <summary>The repository root (holds <c>specs/</c> and <c>src/</c>).</summary>
    public required string Root { get; init; }

    /// <summary>A directory laid out like the providers' spec servers (<c>ovh/v1/me.json</c> …); when set, documents come from there.</summary>
    public string? Mirror { get; init; }

    /// <summary>Base of OVH's live documents (<c>{base}/v1/me.json?format=openapi3</c>).</summary>
    public string OvhBaseUrl { get; init; } = "https://eu.api.ovh.com";

    /// <summary>Per-document download timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Regenerate even when the stamp says nothing changed.</summary>
    public bool Force { get; init; }

    /// <summary>Only these providers (all when empty).</summary>
    public IReadOnlyList<string> Providers { get; init; } = [];

    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>CheckSpecDrift: also write the report as Markdown to this file.</summary>
    public string? ReportPath { get; init; }

    /// <summary>CheckSpecDrift: fail only on breaking drift (non-breaking drift is reported, as a warning).</summary>
    public bool FailOnBreakingOnly { get; init; }
}

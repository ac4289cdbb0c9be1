using Clients.Regen.Model;

namespace Clients.Regen.Pipeline;

/// <summary>Where the tool reads and writes, and where documents come from.</summary>
/// <remarks>
/// In this repository only <see cref="Root"/> is set. A consumer project (through the Clients.Build package) also sets
/// <see cref="SpecsDirectory"/>, <see cref="StampDirectory"/>, <see cref="Namespace"/>, <see cref="GeneratedDirectory"/>
/// and which documents it wants (<see cref="OvhUniverses"/>, <see cref="OptimumDocument"/>, <see cref="OrigamiDocument"/>).
/// </remarks>
internal sealed record RegenOptions
{
    /// <summary>The repository root (holds <c>specs/</c> and <c>src/</c>), or the consumer's project folder.</summary>
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

    /// <summary>Where documents and locks live (<c>{specs}/{provider}/…</c>); default <c>{Root}/specs</c>.</summary>
    public string? SpecsDirectory { get; init; }

    /// <summary>Where generation stamps live; default <c>{Root}/build/Clients.Regen/obj/regen-stamps</c>.</summary>
    public string? StampDirectory { get; init; }

    /// <summary>A consumer's namespace: interfaces go to <c>{Namespace}.{Prefix}</c> (default: <c>Clients.{Prefix}</c>).</summary>
    public string? Namespace { get; init; }

    /// <summary>A consumer's generated folder: each provider writes into <c>{GeneratedDirectory}/{Prefix}</c> (default: <c>src/Clients.{Prefix}/Generated</c>).</summary>
    public string? GeneratedDirectory { get; init; }

    /// <summary>A consumer's generated folder as a project of its own (written beside the provider folders); requires <see cref="GeneratedDirectory"/> and <see cref="Namespace"/>.</summary>
    public GeneratedProject? GeneratedProject { get; init; }

    /// <summary>The OVH universes (<c>v1/sms</c>); default: <c>{specs}/ovh/universes.json</c>.</summary>
    public IReadOnlyList<string>? OvhUniverses { get; init; }

    /// <summary>Optimum's document: <c>live</c> (mirror, else the live swagger with OPTIMUM_CLIENT_ID/_SECRET, else the stored copy) or a file; default: this repository's rule.</summary>
    public string? OptimumDocument { get; init; }

    /// <summary>Origami's document: a file; default: the mirror, else <c>{specs}/origami/openapi.json</c>.</summary>
    public string? OrigamiDocument { get; init; }

    /// <summary>A consumer's own providers (<c>&lt;ClientsDocument&gt;</c> items), described like the built-in ones.</summary>
    public IReadOnlyList<ProviderDefinition> ConsumerProviders { get; init; } = [];

    /// <summary>Every provider this run knows: the built-in ones, then the consumer's.</summary>
    public IEnumerable<ProviderDefinition> AllProviders => Model.Providers.All.Concat(ConsumerProviders);

    /// <summary>An environment variable's value, or null when it is unset or empty.</summary>
    public string? Variable(string name) =>
        Environment.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    public string Specs => SpecsDirectory ?? Path.Combine(Root, "specs");

    public string Stamps => StampDirectory ?? Path.Combine(Root, "build", "Clients.Regen", "obj", "regen-stamps");

    /// <summary>The provider as this run generates it: the consumer's namespace and folder when set.</summary>
    public ProviderDefinition Apply(ProviderDefinition provider) => provider with
    {
        Namespace = Namespace is null || provider.FixedNamespace ? provider.Namespace : Namespace + "." + provider.Prefix,
        GeneratedDirectory = GeneratedDirectory is null ? provider.GeneratedDirectory : Path.Combine(GeneratedDirectory, provider.Prefix),
    };

    /// <summary>CheckSpecDrift: also write the report as Markdown to this file.</summary>
    public string? ReportPath { get; init; }

    /// <summary>CheckSpecDrift: fail only on breaking drift (non-breaking drift is reported, as a warning).</summary>
    public bool FailOnBreakingOnly { get; init; }
}

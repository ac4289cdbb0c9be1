namespace Clients.Regen.Model;

/// <summary>
/// Where one document of a provider comes from and where its pinned copy lives: the description a built-in provider
/// and a consumer's <c>&lt;ClientsDocument&gt;</c> share.
/// </summary>
/// <remarks>
/// The resolver reads, in order: <see cref="MirrorPath"/> in the spec mirror (when one is configured), else
/// <see cref="Url"/> (with <see cref="Authentication"/>), else the stored copy <see cref="StoredPath"/>. A URL that
/// cannot be reached is handled as <see cref="Offline"/> says.
/// </remarks>
internal sealed record DocumentSource
{
    /// <summary>The document's key within its provider (<c>swagger</c>, <c>v1/sms</c>); also its key in the lock.</summary>
    public required string Key { get; init; }

    /// <summary>The pinned copy: absolute, or relative to the root (<c>specs/optimum/swagger.json</c>).</summary>
    public required string StoredPath { get; init; }

    /// <summary>The canonical source: an http(s) URL or a file (absolute, or relative to the root); null when the stored copy is the document.</summary>
    public string? Url { get; init; }

    /// <summary>The document's path in a spec mirror (<c>ovh/v1/sms.json</c>), or null when mirrors do not hold it.</summary>
    public string? MirrorPath { get; init; }

    /// <summary>A mirror without the file: true fails the pull (the mirror is the whole source); false goes on to <see cref="Url"/>.</summary>
    public bool MirrorRequired { get; init; }

    /// <summary>How the pull of <see cref="Url"/> authenticates; null for none.</summary>
    public PullAuthentication? Authentication { get; init; }

    /// <summary>What an unreachable <see cref="Url"/> leads to.</summary>
    public OfflineRule Offline { get; init; } = OfflineRule.LockedCopies;
}

namespace Clients.Samples.Marketplace.Hosting;

/// <summary>The marketplace's own settings (section <c>Marketplace</c>).</summary>
internal sealed class MarketplaceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Marketplace";

    /// <summary>
    /// Where the SQLite database (<c>marketplace.db</c>) and the Data Protection key ring (<c>keys/</c>) live.
    /// Default: a fresh temporary folder when the OVH emulator is embedded (its keys die with it), else
    /// <c>%LOCALAPPDATA%/Clients.Samples.Marketplace</c>.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// The marketplace's public URL, used for OVH's redirection after validation (behind a proxy). Default: the
    /// scheme and host of the request.
    /// </summary>
    public Uri? PublicUrl { get; set; }
}

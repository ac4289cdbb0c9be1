namespace Clients.Regen.Pipeline;

/// <summary>The hash of the tool's own assembly (deterministic builds make it stable), so a new emitter regenerates.</summary>
internal static class ToolFingerprint
{
    private static readonly Lazy<string> Fingerprint = new(() =>
    {
        var location = typeof(ToolFingerprint).Assembly.Location;
        return string.IsNullOrEmpty(location) || !File.Exists(location) ? "unknown" : Hashing.Sha256(File.ReadAllBytes(location));
    });

    public static string Value => Fingerprint.Value;
}

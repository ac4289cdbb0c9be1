namespace Clients.Regen.Model;

/// <summary>One API description as pulled: its key within the provider, where it came from, and its bytes.</summary>
/// <param name="Key">Document key: <c>swagger</c>, <c>openapi</c>, <c>v1/me</c>, <c>v1/dedicated/server</c>, <c>v2/iam</c>.</param>
/// <param name="Source">The URL or file it was read from (for messages and the lock).</param>
/// <param name="Content">The bytes as pulled (any form <see cref="Clients.SpecTools.Reading.SpecReader"/> reads).</param>
/// <param name="Directory">The folder its local external <c>$ref</c>s are read from; null when it was not read from a file.</param>
internal sealed record SpecInput(string Key, string Source, byte[] Content, string? Directory = null);

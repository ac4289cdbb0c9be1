using System.Security.Cryptography;

namespace Clients.Regen.Pipeline;

internal static class Hashing
{
    public static string Sha256(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

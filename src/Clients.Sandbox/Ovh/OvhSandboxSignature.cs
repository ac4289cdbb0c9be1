using System.Security.Cryptography;
using System.Text;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// OVH's request signature as the emulator verifies it:
/// <c>"$1$" + lowercase_hex(SHA1(AS + "+" + CK + "+" + METHOD + "+" + URL + "+" + BODY + "+" + TIMESTAMP))</c>,
/// URL being the absolute URL as sent (percent-encoding preserved) and BODY the raw body bytes.
/// </summary>
public static class OvhSandboxSignature
{
    /// <summary>Computes the <c>X-Ovh-Signature</c> value.</summary>
    /// <param name="applicationSecret">The application secret (AS).</param>
    /// <param name="consumerKey">The consumer key (CK).</param>
    /// <param name="method">The HTTP method, upper case.</param>
    /// <param name="url">The absolute URL exactly as sent.</param>
    /// <param name="body">The body bytes exactly as sent (empty for none).</param>
    /// <param name="timestamp">The <c>X-Ovh-Timestamp</c> value.</param>
    /// <returns>The signature, <c>$1$</c> followed by 40 lowercase hex digits.</returns>
    public static string Compute(string applicationSecret, string consumerKey, string method, string url, ReadOnlySpan<byte> body, string timestamp)
    {
        ArgumentNullException.ThrowIfNull(applicationSecret);
        ArgumentNullException.ThrowIfNull(consumerKey);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.UTF8.GetBytes(applicationSecret + "+" + consumerKey + "+" + method + "+" + url + "+");
        var suffix = Encoding.UTF8.GetBytes("+" + timestamp);
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        sha1.AppendData(prefix);
        sha1.AppendData(body);
        sha1.AppendData(suffix);
        return "$1$" + Convert.ToHexStringLower(sha1.GetHashAndReset());
    }

    /// <summary>Constant-time comparison of a received signature with the expected one.</summary>
    /// <param name="expected">The signature the emulator computed.</param>
    /// <param name="received">The <c>X-Ovh-Signature</c> header, if any.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool Matches(string expected, string? received) =>
        received is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(received));
}

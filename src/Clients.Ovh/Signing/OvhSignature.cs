using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Clients.Ovh;

/// <summary>
/// OVH's request signature: <c>"$1$" + lowercase_hex(SHA1(AS + "+" + CK + "+" + METHOD + "+" + URL + "+" + BODY + "+" + TIMESTAMP))</c>.
/// </summary>
/// <remarks>
/// The six fields are written straight into one stack or pooled buffer and hashed once: no intermediate strings, and
/// the body bytes are hashed exactly as they are sent (never decoded and re-encoded).
/// </remarks>
public static class OvhSignature
{
    /// <summary>The signature's version prefix.</summary>
    public const string Prefix = "$1$";

    private const int StackLimit = 512;
    private const int SignatureLength = 3 + (SHA1.HashSizeInBytes * 2);

    /// <summary>Computes the <c>X-Ovh-Signature</c> header value.</summary>
    /// <param name="applicationSecret">The application secret (AS).</param>
    /// <param name="consumerKey">The consumer key (CK).</param>
    /// <param name="method">The HTTP method, upper case, for example <c>GET</c>.</param>
    /// <param name="url">The absolute URL exactly as sent, percent-encoding included.</param>
    /// <param name="body">The body bytes exactly as sent; empty when there is no body.</param>
    /// <param name="timestamp">The Unix timestamp sent in <c>X-Ovh-Timestamp</c> (server time).</param>
    /// <returns><c>$1$</c> followed by 40 lowercase hex digits.</returns>
    public static string Compute(
        string applicationSecret,
        string consumerKey,
        string method,
        string url,
        ReadOnlySpan<byte> body,
        long timestamp)
    {
        ArgumentNullException.ThrowIfNull(applicationSecret);
        ArgumentNullException.ThrowIfNull(consumerKey);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);

        var utf8 = Encoding.UTF8;
        var length = utf8.GetByteCount(applicationSecret) + utf8.GetByteCount(consumerKey) + utf8.GetByteCount(method)
            + utf8.GetByteCount(url) + body.Length + 20 + 5;

        byte[]? rented = null;
        var buffer = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        var secretEnd = Math.Min(length, buffer.Length);
        try
        {
            var written = utf8.GetBytes(applicationSecret, buffer);
            buffer[written++] = (byte)'+';
            written += utf8.GetBytes(consumerKey, buffer[written..]);
            secretEnd = written;
            buffer[written++] = (byte)'+';
            written += utf8.GetBytes(method, buffer[written..]);
            buffer[written++] = (byte)'+';
            written += utf8.GetBytes(url, buffer[written..]);
            buffer[written++] = (byte)'+';
            body.CopyTo(buffer[written..]);
            written += body.Length;
            buffer[written++] = (byte)'+';
            Utf8Formatter.TryFormat(timestamp, buffer[written..], out var digits);
            written += digits;

            Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
            SHA1.HashData(buffer[..written], hash);
            return FormatSignature(hash);
        }
        finally
        {
            // The buffer held the application secret and consumer key: clear them (before it goes back to the shared pool).
            CryptographicOperations.ZeroMemory(buffer[..secretEnd]);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static string FormatSignature(ReadOnlySpan<byte> hash)
    {
        Span<char> chars = stackalloc char[SignatureLength];
        Prefix.CopyTo(chars);
        Convert.TryToHexStringLower(hash, chars[Prefix.Length..], out _);
        return new string(chars);
    }
}

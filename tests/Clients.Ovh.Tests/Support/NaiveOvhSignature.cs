using System.Security.Cryptography;
using System.Text;

namespace Clients.Ovh.Tests.Support;

/// <summary>The official clients' algorithm, written independently of the library: join, UTF-8, SHA-1, hex.</summary>
internal static class NaiveOvhSignature
{
    public static string Compute(string secret, string consumerKey, string method, string url, string body, string timestamp)
    {
        var joined = secret + "+" + consumerKey + "+" + method + "+" + url + "+" + body + "+" + timestamp;
        return "$1$" + Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(joined))).ToLowerInvariant();
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Clients.Ovh;

namespace Clients.Benchmarks.Ovh;

/// <summary>
/// Signing one OVH request with a 0 B, 1 KB or 64 KB body: (a) the handler's signature computation
/// (<see cref="OvhSignature.Compute"/>), (b) the official clients' algorithm (join six fields into one string, UTF-8
/// encode, SHA-1, hex), (c) a bare SHA-1 over the same joined bytes (the floor; the baseline of the ratios).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class OvhSigningBenchmarks
{
    private const string Secret = "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk";
    private const string ConsumerKey = "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY";
    private const string Url = "https://eu.api.ovh.com/1.0/domain/zone/example.com/record?fieldType=A&subDomain=www";
    private const long Timestamp = 1457018875;

    private byte[] _body = [];
    private string _bodyText = "";
    private byte[] _joined = [];

    /// <summary>The body size in bytes.</summary>
    [Params(0, 1024, 65536)]
    public int BodySize { get; set; }

    /// <summary>Builds a JSON-ish ASCII body of the requested size and the joined bytes for (c).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder();
        while (text.Length < BodySize)
        {
            text.Append("{\"fieldType\":\"A\",\"target\":\"1.2.3.4\",\"ttl\":3600},");
        }

        _bodyText = text.ToString(0, BodySize);
        _body = Encoding.UTF8.GetBytes(_bodyText);
        _joined = Encoding.UTF8.GetBytes(Join());
        if (Handler() != Official())
        {
            throw new InvalidOperationException("The two algorithms disagree.");
        }
    }

    /// <summary>(a) The handler's signing path.</summary>
    /// <returns>The signature.</returns>
    [Benchmark(Description = "(a) handler")]
    public string Handler() => OvhSignature.Compute(Secret, ConsumerKey, "POST", Url, _body, Timestamp);

    /// <summary>(b) The official clients' algorithm.</summary>
    /// <returns>The signature.</returns>
    [Benchmark(Description = "(b) official join+UTF8+SHA1+hex")]
    public string Official() =>
        "$1$" + Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(Join()))).ToLowerInvariant();

    /// <summary>(c) A bare SHA-1 over the same joined bytes.</summary>
    /// <returns>The first hash byte.</returns>
    [Benchmark(Baseline = true, Description = "(c) bare SHA-1")]
    public byte BareSha1()
    {
        Span<byte> hash = stackalloc byte[SHA1.HashSizeInBytes];
        SHA1.HashData(_joined, hash);
        return hash[0];
    }

    private string Join() =>
        Secret + "+" + ConsumerKey + "+" + "POST" + "+" + Url + "+" + _bodyText + "+" + Timestamp.ToString(CultureInfo.InvariantCulture);
}

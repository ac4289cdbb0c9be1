using System.Text;
using Clients.Ovh.Tests.Support;

namespace Clients.Ovh.Tests;

public sealed class OvhSignatureTests
{
    private const string Secret = "9ufkBmLaTQ9nz5yMUlg79taH0GNnzDjk";
    private const string ConsumerKey = "5mBuy6SUQcRw2ZUxg0cG68BoDKpED4KY";

    [Fact]
    public void Get_vector_from_the_official_clients()
    {
        OvhSignature.Compute(Secret, ConsumerKey, "GET", "https://eu.api.ovh.com/1.0/auth", ReadOnlySpan<byte>.Empty, 1457018875)
            .Should().Be("$1$e9556054b6309771395efa467c22e627407461ad");
    }

    [Fact]
    public void Post_vector_from_the_official_clients()
    {
        OvhSignature.Compute(Secret, ConsumerKey, "POST", "https://eu.api.ovh.com/1.0/auth", """{"a":"b","c":"d"}"""u8, 1457018875)
            .Should().Be("$1$ec2fb5c7a81f64723c77d2e5b609ae6f58a84fc1");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(400)]
    [InlineData(1024)]
    [InlineData(65536)]
    public void Matches_the_naive_algorithm_for_every_body_size_stack_or_pooled(int size)
    {
        var body = string.Concat(Enumerable.Repeat("é{\"k\":1}", size / 8 + 1))[..size];
        var url = "https://eu.api.ovh.com/1.0/ip/1.2.3.4%2F29/reverse?x=%C3%A9";
        OvhSignature.Compute(Secret, ConsumerKey, "PUT", url, Encoding.UTF8.GetBytes(body), 1700000000)
            .Should().Be(NaiveOvhSignature.Compute(Secret, ConsumerKey, "PUT", url, body, "1700000000"));
    }
}

using Clients.Generator.Parsing;

namespace Clients.Generator.Tests;

public sealed class AccessRulePathTests
{
    [Theory]
    [InlineData("GET", "/me", "/me")]
    [InlineData("GET", "/domain/zone/{zoneName}/record/{id}", "/domain/zone/*/record/*")]
    [InlineData("GET", "/me/bill?date.from={from}&date.to={to}", "/me/bill")]
    [InlineData("POST", "/domain/zone/{zoneName}/refresh", "/domain/zone/*/refresh")]
    [InlineData("PUT", "/v2/iam/policy/{policyId}", "/v2/iam/policy/*")]
    [InlineData("DELETE", "/files/{**rest}", "/files/*")]
    [InlineData("PATCH", "/a/{b}/", "/a/*/")]
    public void Converts_refit_paths_to_rules(string verb, string path, string expected)
    {
        var rule = AccessRulePath.TryCreate(verb, path, out var reason);

        reason.Should().BeNull();
        rule!.HttpMethod.Should().Be(verb);
        rule.Path.Should().Be(expected);
    }

    [Theory]
    [InlineData("HEAD", "/me", "access rules cover only")]
    [InlineData("OPTIONS", "/me", "access rules cover only")]
    [InlineData("GET", "", "does not start with '/'")]
    [InlineData("GET", "me", "does not start with '/'")]
    [InlineData("GET", "/files/{name}.json", "mixes literal text and a parameter")]
    [InlineData("GET", "/files/{name", "mixes literal text and a parameter")]
    [InlineData("GET", "/files/*", "literal '*'")]
    [InlineData("GET", "/files/{**rest}/more", "catch-all")]
    public void Refuses_what_cannot_be_a_rule(string verb, string path, string because)
    {
        var rule = AccessRulePath.TryCreate(verb, path, out var reason);

        rule.Should().BeNull();
        reason.Should().Contain(because);
    }
}

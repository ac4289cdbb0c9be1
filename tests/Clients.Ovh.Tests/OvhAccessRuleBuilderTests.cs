namespace Clients.Ovh.Tests;

public sealed class OvhAccessRuleBuilderTests
{
    [Fact]
    public void Recursive_rules_include_the_root_path_itself()
    {
        new OvhAccessRuleBuilder().AddRecursive(OvhMethods.ReadOnly, "/sms").Build()
            .Should().Equal(new OvhAccessRule("GET", "/sms"), new OvhAccessRule("GET", "/sms/*"));
    }

    [Theory]
    [InlineData("/sms/")]
    [InlineData("/sms/*")]
    [InlineData("/sms*")]
    public void Recursive_rules_ignore_a_trailing_slash_or_star(string path)
    {
        new OvhAccessRuleBuilder().AddRecursive(OvhMethods.ReadOnly, path).Build()
            .Should().Equal(new OvhAccessRule("GET", "/sms"), new OvhAccessRule("GET", "/sms/*"));
    }

    [Fact]
    public void Recursive_root_gives_everything()
    {
        new OvhAccessRuleBuilder().AddRecursive(OvhMethods.ReadWrite, "/").Build()
            .Should().Equal(OvhMethods.ReadWrite.Select(m => new OvhAccessRule(m, "/*")));
    }

    [Fact]
    public void Method_sets_match_the_official_clients()
    {
        OvhMethods.ReadOnly.Should().Equal("GET");
        OvhMethods.ReadWrite.Should().Equal("GET", "POST", "PUT", "DELETE");
        OvhMethods.ReadWriteSafe.Should().Equal("GET", "POST", "PUT");
    }

    [Fact]
    public void Manifests_and_helpers_combine_without_duplicates()
    {
        var rules = new OvhAccessRuleBuilder()
            .Add([new OvhAccessRule("GET", "/me"), new OvhAccessRule("get", "/me")])
            .Add(OvhMethods.ReadWriteSafe, "/domain/*/record")
            .Add(OvhMethods.ReadOnly, "/me")
            .Build();

        rules.Should().Equal(
            new OvhAccessRule("GET", "/me"),
            new OvhAccessRule("GET", "/domain/*/record"),
            new OvhAccessRule("POST", "/domain/*/record"),
            new OvhAccessRule("PUT", "/domain/*/record"));
    }

    [Fact]
    public void A_credential_request_needs_rules()
    {
        var act = () => new OvhCredentialRequest([]);
        act.Should().Throw<ArgumentException>().WithMessage("*at least one access rule*");
    }
}

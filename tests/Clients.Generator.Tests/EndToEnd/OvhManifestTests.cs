using Clients.Ovh;

namespace Clients.Generator.Tests.EndToEnd;

/// <summary>The manifests the generator emitted for the OVH interfaces declared in this (consumer) project.</summary>
public sealed class OvhManifestTests
{
    [Fact]
    public void Rules_of_an_interface_have_parameters_as_stars_no_query_no_duplicates_and_are_sorted()
    {
        OvhAccessRules.For<ITestOvhZoneApi>().Should().Equal(
            new OvhAccessRule("GET", "/domain/zone/*/record"),
            new OvhAccessRule("GET", "/domain/zone/*/record/*"),
            new OvhAccessRule("PUT", "/domain/zone/*/record/*"),
            new OvhAccessRule("GET", "/v2/iam/policy"));
    }

    [Fact]
    public void Rules_of_several_interfaces_are_their_union()
    {
        OvhAccessRules.For(typeof(ITestOvhZoneApi), typeof(ITestOvhMeApi)).Should().Equal(
            new OvhAccessRule("GET", "/domain/zone/*/record"),
            new OvhAccessRule("GET", "/domain/zone/*/record/*"),
            new OvhAccessRule("PUT", "/domain/zone/*/record/*"),
            new OvhAccessRule("GET", "/me"),
            new OvhAccessRule("GET", "/v2/iam/policy"));
    }

    [Fact]
    public void Rules_of_one_method()
    {
        OvhAccessRules.ForMethod<ITestOvhZoneApi>(nameof(ITestOvhZoneApi.UpdateRecordAsync))
            .Should().Equal(new OvhAccessRule("PUT", "/domain/zone/*/record/*"));
    }

    [Fact]
    public void An_interface_without_a_manifest_is_a_clear_error()
    {
        var act = () => OvhAccessRules.For<IDisposable>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*System.IDisposable*[OvhApi]*");
    }
}

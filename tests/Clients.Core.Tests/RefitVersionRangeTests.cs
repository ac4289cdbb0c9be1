using System.Runtime.Loader;
using System.Xml.Linq;
using Clients.Core.Wire;
using Clients.Testing;
using Refit;

namespace Clients.Core.Tests;

/// <summary>The one rule on Refit versions, and the run-time guard that keeps Refit's stubs outside it.</summary>
public sealed class RefitVersionRangeTests
{
    [Theory]
    [InlineData("16.4.0+9f2c1a", true)]
    [InlineData("16.4.3", true)]
    [InlineData("16.9.0-beta.1", true)]
    [InlineData("16.3.0+abc", false)]
    [InlineData("17.0.0", false)]
    [InlineData("15.2.0", false)]
    public void A_version_is_in_the_range_when_it_is_16_4_or_later_and_below_17(string informational, bool inRange)
    {
        RefitVersionRange.TryParse(informational, out var version).Should().BeTrue();
        RefitVersionRange.Contains(version).Should().Be(inRange);
    }

    [Fact]
    public void The_packages_depend_on_the_same_range_the_code_checks()
    {
        var props = XDocument.Load(TestRepository.Path("Directory.Packages.props"));
        var versions = props.Descendants("PackageVersion")
            .Where(e => ((string?)e.Attribute("Include"))?.StartsWith("Refit", StringComparison.Ordinal) == true)
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);

        versions.Should().ContainKeys("Refit", "Refit.HttpClientFactory");
        versions.Values.Should().AllBe(RefitVersionRange.Text);
    }

    [Fact]
    public void The_Refit_this_repository_builds_with_is_supported()
    {
        RefitRuntime.IsSupported(typeof(RefitSettings).Assembly).Should().BeTrue();
        RefitRuntime.GeneratedImplementationsSupported.Should().BeTrue();
    }

    [Fact]
    public void A_real_Refit_below_or_above_the_range_is_not_supported_at_run_time()
    {
        var context = new AssemblyLoadContext(nameof(RefitVersionRangeTests), isCollectible: true);
        try
        {
            RefitRuntime.IsSupported(context.LoadFromAssemblyPath(RefitPackages.Above)).Should().BeFalse("Refit 17.0.0 is above the range");
            var below = new AssemblyLoadContext(nameof(RefitVersionRangeTests) + ".below", isCollectible: true);
            try
            {
                RefitRuntime.IsSupported(below.LoadFromAssemblyPath(RefitPackages.Below)).Should().BeFalse("Refit 16.3.0 is below the range");
            }
            finally
            {
                below.Unload();
            }
        }
        finally
        {
            context.Unload();
        }
    }
}

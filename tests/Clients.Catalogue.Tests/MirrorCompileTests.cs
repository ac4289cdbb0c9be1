using Clients.Catalogue.Tests.AllOperations;
using Microsoft.CodeAnalysis;

namespace Clients.Catalogue.Tests;

/// <summary>
/// Every OVH document of the spec source (22 in the mirror) generates together and compiles — against the real provider
/// packages, with System.Text.Json's, Refit's and the project's source generators, without a warning — and loads.
/// </summary>
public sealed class MirrorCompileTests
{
    [Fact]
    public void All_mirror_universes_generate_and_compile_together()
    {
        var mirror = GeneratedClientAssembly.OvhMirror;
        var output = mirror.Output;

        mirror.Inputs.Should().HaveCount(22);
        var interfaces = output.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes())
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InterfaceDeclarationSyntax>().ToList();
        interfaces.Should().HaveCount(22);
        interfaces.Sum(i => i.Members.Count).Should().Be(1932);
        interfaces.Select(i => i.Identifier.Text).Should().Contain(["IOvhMeApi", "IOvhDedicatedServerApi", "IOvhV2IamApi", "IOvhDbaasLogsApi"]);
        output.GetTypeByMetadataName(GeneratedClientAssembly.OvhNamespace + ".Models.DomainZoneRecord").Should().NotBeNull();
        output.GetTypeByMetadataName(GeneratedClientAssembly.OvhNamespace + ".OvhJsonSerializerContext")!.GetMembers("Default").Should().NotBeEmpty("the JSON source generator ran");
        mirror.Assembly.GetType(GeneratedClientAssembly.OvhNamespace + ".IOvhMeApi").Should().NotBeNull();
    }
}

using Clients.Regen.Emit;
using Clients.Regen.Model;
using Clients.Regen.Tests;
using Microsoft.CodeAnalysis;

namespace Clients.Catalogue.Tests;

/// <summary>Every OVH document of the spec source (22 in the mirror) generates together and compiles with Refit and System.Text.Json.</summary>
public sealed class MirrorCompileTests
{
    [Fact]
    public void All_mirror_universes_generate_and_compile_together()
    {
        var inputs = SpecMirror.OvhDocuments().Select(d => new SpecInput(d.Key, d.Path, File.ReadAllBytes(d.Path))).ToList();
        inputs.Should().HaveCount(22);

        var files = ClientEmitter.Emit(Providers.Ovh, inputs);
        var (diagnostics, output) = InMemoryCompiler.Compile(files);

        diagnostics.Select(d => d.ToString()).Take(20).Should().BeEmpty();
        var interfaces = output.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes())
            .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InterfaceDeclarationSyntax>().ToList();
        interfaces.Should().HaveCount(22);
        interfaces.Sum(i => i.Members.Count).Should().Be(1932);
        interfaces.Select(i => i.Identifier.Text).Should().Contain(["IOvhMeApi", "IOvhDedicatedServerApi", "IOvhV2IamApi", "IOvhDbaasLogsApi"]);
        output.GetTypeByMetadataName("Clients.Ovh.Models.DomainZoneRecord").Should().NotBeNull();
        output.GetTypeByMetadataName("Clients.Ovh.OvhJsonSerializerContext")!.GetMembers("Default").Should().NotBeEmpty("the JSON source generator ran");
    }
}

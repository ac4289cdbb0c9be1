using Clients.Regen.Emit;
using Clients.Regen.Model;
using Microsoft.CodeAnalysis;

namespace Clients.Regen.Tests;

/// <summary>All 22 documents of ../shared/specs-mirror/ovh generate together and compile with Refit and System.Text.Json.</summary>
public sealed class MirrorCompileTests
{
    [Fact]
    public void All_mirror_universes_generate_and_compile_together()
    {
        var root = Path.Combine(TempRepository.SharedMirror, "ovh");
        var inputs = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != "index.json")
            .Select(f => new SpecInput(Path.GetRelativePath(root, f).Replace('\\', '/')[..^".json".Length], f, File.ReadAllBytes(f)))
            .ToList();
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

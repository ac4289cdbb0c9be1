using Clients.Regen.Emit;
using Clients.Regen.Model;
using Clients.Regen.Tests;
using Clients.Regen.Tests.NSwag;
using Clients.Testing;
using Xunit.Abstractions;

namespace Clients.Catalogue.Tests;

/// <summary>
/// NSwag as an oracle over every OVH universe of the spec source (22 in the mirror) plus the committed Optimum and
/// Origami documents and the composition fixture (tests/Clients.Regen.Tests/Fixtures/polymorphism.json), against the same reviewed divergence file as the committed-document run
/// (tests/Clients.Regen.Tests/NSwag/nswag-divergences.txt); and Refit's own generator and analyzers over the 22
/// universes' generated interfaces.
/// </summary>
public sealed class NSwagOracleMirrorTests(ITestOutputHelper output)
{
    [Fact]
    public Task Every_mirrored_document_agrees_with_NSwag_except_the_listed_divergences()
    {
        var documents = SpecMirror.OvhDocuments()
            .Select(d => (Providers.Ovh, new SpecInput(d.Key, d.Path, File.ReadAllBytes(d.Path))))
            .Append((Providers.Optimum, Read("swagger", TestRepository.Path("specs", "optimum", "swagger.json"))))
            .Append((Providers.Origami, Read("openapi", TestRepository.Path("specs", "origami", "openapi.json"))))
            .Append((Providers.Optimum, Read("shapes", TestRepository.Path("tests", "Clients.Regen.Tests", "Fixtures", "polymorphism.json"))))
            .ToList();
        documents.Should().HaveCount(25);
        return OracleRun.AssertOnlyListedDivergencesAsync(documents, output);
    }

    [Fact]
    public async Task Refit_reports_no_warning_on_the_code_generated_from_every_mirrored_universe()
    {
        var inputs = SpecMirror.OvhDocuments().Select(d => new SpecInput(d.Key, d.Path, File.ReadAllBytes(d.Path))).ToList();
        inputs.Should().HaveCount(22);
        var files = ClientEmitter.Emit(Providers.Ovh, inputs);

        var result = await RefitDiagnostics.RunAsync(files);

        output.WriteLine($"ovh: {inputs.Count} documents, {result.Stubs} Refit stub sources, {result.Analyzers} Refit analyzers, {result.Diagnostics.Count} diagnostics");
        result.Stubs.Should().BeGreaterThan(22, "Refit's generator wrote a stub for every interface");
        result.Diagnostics.Select(d => d.ToString()).Take(20).Should().BeEmpty();
    }

    private static SpecInput Read(string key, string path) => new(key, path, File.ReadAllBytes(path));
}

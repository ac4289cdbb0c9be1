using Clients.Regen.Emit;
using Clients.Regen.Model;
using Clients.Regen.Tests.NSwag;
using Xunit.Abstractions;

namespace Clients.Regen.Tests;

/// <summary>
/// Refit's own generator and analyzers report nothing (no warning, no error) on the code generated from the committed
/// documents: the 7 OVH universes, Optimum and Origami. (The src/Clients.* builds run the same analyzers with
/// TreatWarningsAsErrors; this test states it on its own and the catalogue project extends it to the mirror's 22.)
/// </summary>
public sealed class RefitDiagnosticsTests(ITestOutputHelper output)
{
    public static TheoryData<string> ProviderNames() => new(Providers.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(ProviderNames))]
    public async Task Refit_reports_no_warning_on_the_code_generated_from_the_committed_documents(string providerName)
    {
        var provider = Providers.All.Single(p => p.Name == providerName);
        var inputs = NSwagOracleTests.CommittedDocuments().Where(d => d.Provider == provider).Select(d => d.Input).ToList();
        var files = ClientEmitter.Emit(provider, inputs);

        var result = await RefitDiagnostics.RunAsync(files);

        var interfaces = files.Keys.Count(f => f.StartsWith('I') && f.EndsWith("Api.g.cs", StringComparison.Ordinal));
        output.WriteLine($"{provider.Name}: {inputs.Count} documents, {interfaces} interfaces, {result.Stubs} Refit stub sources, {result.Analyzers} Refit analyzers, {result.Diagnostics.Count} diagnostics");
        result.Stubs.Should().BeGreaterThan(interfaces, "Refit's generator wrote a stub for every interface");
        result.Diagnostics.Select(d => d.ToString()).Take(20).Should().BeEmpty();
    }

    [Fact]
    public async Task A_Refit_warning_in_generated_code_is_seen()
    {
        // Control: the harness does surface Refit's diagnostics (RF001: a method without an HTTP method attribute).
        var files = new Dictionary<string, string>
        {
            ["IBroken.g.cs"] = """
                namespace Clients.Ovh;
                public partial interface IBrokenApi
                {
                    [global::Refit.Get("/ok")]
                    global::System.Threading.Tasks.Task<string> OkAsync();

                    global::System.Threading.Tasks.Task<string> NotRefitAsync();
                }
                """,
        };

        var result = await RefitDiagnostics.RunAsync(files);

        result.Diagnostics.Select(d => d.Id).Should().Contain("RF001");
    }
}

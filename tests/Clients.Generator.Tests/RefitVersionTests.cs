using Clients.Generator.Tests.Infrastructure;
using Clients.Testing;
using Microsoft.CodeAnalysis;

namespace Clients.Generator.Tests;

/// <summary>
/// The generated implementations call Refit's request-building helpers, so they are tied to the Refit versions they were
/// verified with: in range they are emitted (the parity tests hold them to Refit's stubs); a consumer whose build
/// resolves a real Refit outside the range gets one error, CLG006, naming the range — never an implementation that
/// might behave differently, nor errors inside generated code.
/// </summary>
public sealed class RefitVersionTests
{
    private const string Consumer = """
        using System.Threading.Tasks;
        using Clients.Optimum;
        using Refit;

        namespace Consumer
        {
            [OptimumApi]
            public interface IMyFleetApi
            {
                [Get("/fleet/{id}")] Task<string> GetAsync(string id, [Query] int? page);
            }
        }
        """;

    [Fact]
    public void In_range_the_implementation_is_generated_and_no_CLG006_is_reported()
    {
        var (_, _, result) = GeneratorHarness.Run(GeneratorHarness.Compile(("Consumer.cs", Consumer)));

        result.Diagnostics.Should().NotContain(d => d.Id == "CLG006");
        GeneratorHarness.Sources(result).Keys.Should().Contain(hint => hint.Contains("IMyFleetApi", StringComparison.Ordinal) && hint.Contains("Generated", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("17.0.0")]
    [InlineData("16.3.0")]
    public void A_real_Refit_outside_the_range_stops_the_build_with_one_message_naming_the_range(string version)
    {
        var refit = version == "17.0.0" ? RefitPackages.Above : RefitPackages.Below;
        var references = GeneratorHarness.References
            .Where(r => !string.Equals(Path.GetFileName(r.Display), "Refit.dll", StringComparison.OrdinalIgnoreCase))
            .Append(MetadataReference.CreateFromFile(refit));
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Consumer",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Consumer, GeneratorHarness.ParseOptions, "Consumer.cs")],
            references,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var (_, _, result) = GeneratorHarness.Run(compilation);

        var clg006 = result.Diagnostics.Where(d => d.Id == "CLG006").ToList();
        clg006.Should().ContainSingle();
        clg006[0].Severity.Should().Be(DiagnosticSeverity.Error);
        clg006[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            .Should().Contain($"Refit {version} is referenced").And.Contain("[16.4.0, 17.0.0)");

        // Nothing that calls Refit's helpers is emitted: the registration keeps Refit's stub.
        var sources = GeneratorHarness.Sources(result);
        sources.Values.Should().NotContain(s => s.Contains("GeneratedRequestRunner", StringComparison.Ordinal));
        sources.Values.Should().Contain(s => s.Contains("AddClient<global::Consumer.IMyFleetApi>()", StringComparison.Ordinal));
    }
}

using Clients.Regen.Emit;
using Clients.Regen.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace Clients.Regen.Tests;

/// <summary>
/// A document whose parameters (path, query, header, body), schemas, properties, enum values, operations and tags are
/// named after every local, field, helper, keyword and common type name the emitted code uses (<c>Fixtures/collisions.json</c>)
/// generates, and the result compiles with 0 warnings together with what System.Text.Json's, Refit's and the Clients
/// generators write for it (the Clients generator implementing every interface itself).
/// </summary>
public sealed class CollisionTests(ITestOutputHelper output)
{
    private static readonly ProviderDefinition Collide = new("collide", "Collide", InterfaceGrouping.ByTag, []);

    // A fourth provider declared in the compilation (as a consumer would): marker, registration hook, options.
    private const string ProviderSource = """
        namespace Clients.Collide
        {
            /// <summary>Marks a Collide client.</summary>
            [global::System.AttributeUsage(global::System.AttributeTargets.Interface)]
            [global::Clients.Core.ClientProvider("Collide", typeof(CollideClientRegistration), typeof(CollideOptions))]
            public sealed class CollideApiAttribute : global::System.Attribute
            {
            }

            /// <summary>Collide settings.</summary>
            public sealed class CollideOptions
            {
                /// <summary>Where Collide lives.</summary>
                public string BaseAddress { get; set; } = "http://127.0.0.1/";
            }

            /// <summary>The Collide hook.</summary>
            public static class CollideClientRegistration
            {
                /// <summary>Collide's registration.</summary>
                public static global::Clients.Core.ClientProviderRegistration<CollideOptions> Registration { get; } = new(
                    "Collide",
                    _ => new CollideValidator(),
                    (options, section) => options.Configure(o => o.BaseAddress = section["BaseAddress"] ?? o.BaseAddress),
                    _ => new global::Clients.Core.ClientProviderDefinition(
                        "Collide",
                        (sp, http) => http.BaseAddress = new global::System.Uri(global::Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<global::Microsoft.Extensions.Options.IOptions<CollideOptions>>(sp).Value.BaseAddress),
                        _ => new global::Refit.RefitSettings(),
                        _ => new CollideHandler()));
            }

            internal sealed class CollideHandler : global::System.Net.Http.DelegatingHandler
            {
            }

            internal sealed class CollideValidator : global::Microsoft.Extensions.Options.IValidateOptions<CollideOptions>
            {
                public global::Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, CollideOptions options) => global::Microsoft.Extensions.Options.ValidateOptionsResult.Success;
            }
        }
        """;

    private static SortedDictionary<string, string> Generate() =>
        ClientEmitter.Emit(Collide, [new SpecInput("collisions", "collisions.json", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "collisions.json")))]);

    [Fact]
    public void A_document_naming_everything_the_emitters_use_generates_and_compiles_with_every_generator_without_a_warning()
    {
        var files = Generate();
        var generated = InMemoryCompiler.Create(files);
        var parse = (CSharpParseOptions)generated.SyntaxTrees.First().Options;
        var compilation = generated.AddSyntaxTrees(CSharpSyntaxTree.ParseText(ProviderSource, parse, path: "CollideProvider.cs"));
        ISourceGenerator[] generators = [InMemoryCompiler.JsonGenerator(), .. RefitDiagnostics.Generators, new Clients.Generator.ClientsGenerator().AsSourceGenerator()];
        // Refit's generator in the mode a consumer's build runs it (generated request building: Refit 16's stubs).
        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, parseOptions: parse, optionsProvider: new BuildProperties(new HashSet<string>()));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var compiled, out var generatorDiagnostics);

        using var image = new MemoryStream();
        var emitted = compiled.Emit(image);
        var problems = generatorDiagnostics.Concat(emitted.Diagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Select(d => d.ToString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var implementations = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources)
            .Where(s => s.HintName.StartsWith("Collide.Generated", StringComparison.Ordinal))
            .Select(s => s.HintName)
            .ToList();
        var interfaces = files.Keys.Where(f => f.StartsWith('I') && f.EndsWith("Api.g.cs", StringComparison.Ordinal)).ToList();
        output.WriteLine($"{files.Count} generated files, {interfaces.Count} interfaces, {implementations.Count} implemented by the Clients generator, {problems.Count} diagnostics");
        foreach (var problem in problems.Take(60))
        {
            output.WriteLine(problem);
        }

        problems.Should().BeEmpty();
        emitted.Success.Should().BeTrue();
        interfaces.Should().HaveCount(2);
        implementations.Should().HaveCount(interfaces.Count, "the Clients generator implements every interface itself, not leaving it to Refit's stub");
    }
}

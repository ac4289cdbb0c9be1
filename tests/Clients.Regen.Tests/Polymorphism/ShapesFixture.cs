using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Serialization;
using Clients.Regen.Emit;
using Clients.Regen.Model;

namespace Clients.Regen.Tests.Polymorphism;

/// <summary>
/// The Swashbuckle-style fixture (<c>Fixtures/polymorphism.json</c>: <c>Shape</c>/<c>Rectangle</c>/<c>Circle</c>, a body
/// <c>oneOf</c> both, a <c>oneOf</c> without discriminator, an <c>allOf</c> without one, a multipart upload and a
/// form-encoded body) generated for the Optimum slot, compiled once with System.Text.Json's and Refit's generators,
/// and loaded.
/// </summary>
public sealed class ShapesFixture : IDisposable
{
    private readonly AssemblyLoadContext _context = new("shapes", isCollectible: true);

    public ShapesFixture()
    {
        Files = Generate();
        var (diagnostics, compilation) = InMemoryCompiler.Compile(Files);
        CompileDiagnostics = diagnostics.Select(d => d.ToString()).ToList();
        var refit = RefitDiagnostics.RunAsync(Files).GetAwaiter().GetResult();
        RefitDiagnosticsFound = refit.Diagnostics.Select(d => d.ToString()).ToList();

        // The contracts with System.Text.Json's generator, then Refit's stubs over that output: what a build does.
        var parse = (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)compilation.SyntaxTrees.First().Options;
        Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(RefitDiagnostics.Generators, parseOptions: parse, optionsProvider: new BuildProperties(Files.Keys.ToHashSet(StringComparer.Ordinal)))
            .RunGeneratorsAndUpdateCompilation(compilation, out var withStubs, out _);
        using var stream = new MemoryStream();
        var emitted = withStubs.Emit(stream);
        if (!emitted.Success)
        {
            throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics.Take(10)));
        }

        stream.Position = 0;
        Assembly = _context.LoadFromStream(stream);
        Context = (JsonSerializerContext)Assembly.GetType("Clients.Optimum.OptimumJsonSerializerContext")!
            .GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        Options = Clients.Core.Wire.ProviderRefitSettings.CreateJsonOptions(Context);
    }

    public SortedDictionary<string, string> Files { get; }

    public IReadOnlyList<string> CompileDiagnostics { get; }

    public IReadOnlyList<string> RefitDiagnosticsFound { get; }

    public Assembly Assembly { get; }

    public JsonSerializerContext Context { get; }

    /// <summary>The options the provider's Refit settings use (the generated context, web defaults, nulls left out).</summary>
    public JsonSerializerOptions Options { get; }

    public static string Document => Path.Combine(AppContext.BaseDirectory, "Fixtures", "polymorphism.json");

    public static SortedDictionary<string, string> Generate() =>
        ClientEmitter.Emit(Providers.Optimum, [new SpecInput("swagger", "polymorphism.json", File.ReadAllBytes(Document))]);

    public Type Model(string name) => Assembly.GetType("Clients.Optimum.Models." + name) ?? throw new InvalidOperationException(name + " was not generated");

    public object Read(string json, string type) => JsonSerializer.Deserialize(json, Model(type), Options)!;

    public string Write(object value, string type) => JsonSerializer.Serialize(value, Model(type), Options);

    public void Dispose() => _context.Unload();
}

using System.Text;
using Clients.Regen.Pipeline;

namespace Clients.Regen.Tests;

/// <summary>
/// Every form of document the reader takes, through RegenClients for a provider slot (<c>--optimum-document FILE</c> in
/// this repository's layout) and for a consumer project (<c>&lt;OptimumDocument Include="file" /&gt;</c>: its own
/// namespace and Generated folder): it generates, the generated code compiles with 0 warnings, the lock pins the
/// original bytes; a document that cannot be read fails with its reason and nothing is written.
/// </summary>
public sealed class DocumentFormTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "clients-form-tests", Guid.NewGuid().ToString("N")[..12]);

    public DocumentFormTests()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "Clients.sln"), string.Empty);
    }

    private static string Forms => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Forms");

    public static TheoryData<string, string, bool> Documents()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var consumer in new[] { false, true })
        {
            data.Add("swashbuckle-v2.json", "utf-8", consumer);
            data.Add("swagger2.yaml", "utf-8", consumer);
            data.Add("openapi30.yaml", "utf-8", consumer);
            data.Add("openapi31.json", "utf-8", consumer);
            data.Add("swashbuckle-v2.json", "utf-8-bom", consumer);
            data.Add("openapi30.yaml", "utf-16le-bom", consumer);
            data.Add("split/openapi.yaml", "utf-8", consumer);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task Every_form_generates_through_RegenClients_compiles_with_0_warnings_and_the_lock_pins_the_original_bytes(string fixture, string encoding, bool consumer)
    {
        var document = Lay(fixture, encoding);

        var (exitCode, output) = await RunAsync(document, consumer);

        exitCode.Should().Be(0, output);
        var generated = consumer ? Path.Combine(_root, "Generated", "Optimum") : Path.Combine(_root, "src", "Clients.Optimum", "Generated");
        var files = Directory.EnumerateFiles(generated, "*.g.cs", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(generated, f), File.ReadAllText);
        var (diagnostics, _) = InMemoryCompiler.Compile(files);
        diagnostics.Should().BeEmpty(string.Join("\n", diagnostics));
        var all = string.Join("\n", files.Values);
        all.Should().Contain(consumer ? "namespace Acme.Billing.Optimum" : "namespace Clients.Optimum");
        foreach (var expected in Expected(fixture))
        {
            all.Should().Contain(expected);
        }

        var lockText = await File.ReadAllTextAsync(Path.Combine(_root, "specs", "optimum", "optimum.lock.json"));
        lockText.Should().Contain(Hashing.Sha256(await File.ReadAllBytesAsync(Path.Combine(_root, document))), "the lock pins the bytes as written, not the normalized form");
    }

    [Theory]
    [InlineData("remote-ref.json", false, "remote $ref 'https://schemas.example.test/pet.json#/Pet' at /paths/~1pets/get/responses/200/content/application~1json/schema")]
    [InlineData("remote-ref.json", true, "remote $ref 'https://schemas.example.test/pet.json#/Pet' at /paths/~1pets/get/responses/200/content/application~1json/schema")]
    [InlineData("broken.yaml", false, "not valid YAML at line 7")]
    [InlineData("broken.yaml", true, "not valid YAML at line 7")]
    public async Task A_document_that_cannot_be_read_fails_with_its_reason_and_nothing_is_written(string fixture, bool consumer, string reason)
    {
        var document = Lay(fixture, "utf-8");

        var (exitCode, output) = await RunAsync(document, consumer);

        exitCode.Should().Be(1, output);
        output.Should().Contain("REGEN001").And.Contain("optimum: " + document).And.Contain(reason).And.Contain("Nothing was changed");
        Directory.Exists(Path.Combine(_root, "Generated")).Should().BeFalse();
        Directory.Exists(Path.Combine(_root, "src")).Should().BeFalse();
        Directory.Exists(Path.Combine(_root, "specs")).Should().BeFalse();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static IEnumerable<string> Expected(string fixture) => fixture switch
    {
        "swashbuckle-v2.json" or "swagger2.yaml" =>
            ["[global::Refit.Get(\"/api/v1/vehicles/{id}\")]", "[global::Refit.Post(\"/api/v1/vehicles\")]", "public string Vin { get; set; }", "FuelType"],
        "openapi30.yaml" => ["[global::Refit.Get(\"/pets/{petId}\")]", "public long? ParentId { get; set; }", "over two lines."],
        "openapi31.json" =>
        [
            "public string? Tag { get; set; }",
            "public string Kind { get; set; }",
            "What this is. Always \"pet\".",
            "Who owns the pet.",
            ".Owner? Owner { get; set; }",
            "public string? Nickname { get; set; }",
            "public double? Weight { get; set; }",
            "public long Id { get; set; }",
            "JsonElement? Anything { get; set; }",
        ],
        "split/openapi.yaml" => ["class Pet", "class Owner", "class CommonError", "class Error", "[global::Refit.Get(\"/pets\")]"],
        _ => [],
    };

    /// <summary>Copies a fixture (a split document with its folder) under <c>api/</c> in the given encoding; returns its path relative to the root.</summary>
    private string Lay(string fixture, string encoding)
    {
        var source = Path.Combine(Forms, fixture);
        var relative = "api/" + fixture;
        var target = Path.Combine(_root, relative);
        if (fixture.Contains('/'))
        {
            var folder = Path.GetDirectoryName(source)!;
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var copy = Path.Combine(Path.GetDirectoryName(target)!, Path.GetRelativePath(folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var text = File.ReadAllText(source);
        byte[] bytes = encoding switch
        {
            "utf-8" => File.ReadAllBytes(source),
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };
        File.WriteAllBytes(target, bytes);
        return relative;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string document, bool consumer)
    {
        var options = new RegenOptions
        {
            Root = _root,
            Mirror = null,
            OvhBaseUrl = "http://127.0.0.1:9",
            Timeout = TimeSpan.FromSeconds(10),
            Providers = ["optimum"],
            OptimumDocument = document,
            Environment = new Dictionary<string, string?>(),
            StampDirectory = Path.Combine(_root, "obj", "regen-stamps"),
        };
        if (consumer)
        {
            options = options with { Namespace = "Acme.Billing", GeneratedDirectory = Path.Combine(_root, "Generated"), SpecsDirectory = Path.Combine(_root, "specs") };
        }

        var output = new StringWriter { NewLine = "\n" };
        var exitCode = await new RegenPipeline(options, output, TimeProvider.System).RegenAsync(CancellationToken.None);
        return (exitCode, output.ToString());
    }
}

using System.Text.Json.Nodes;
using Clients.Regen.Model;
using Clients.Regen.Pipeline;

namespace Clients.Regen.Tests;

/// <summary>
/// A consumer's own provider (<c>&lt;ClientsDocument Include Provider Source Attribute /&gt;</c>): pulled from a file or
/// an authenticated URL, pinned, generated into the consumer's namespace with the consumer's attribute, and covered by
/// CheckSpecDrift; malformed items are refused naming what is wrong.
/// </summary>
public sealed class ConsumerDocumentTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "clients-consumer-documents", Guid.NewGuid().ToString("N")[..12]);

    public ConsumerDocumentTests()
    {
        Directory.CreateDirectory(Path.Combine(_project, "upstream"));
        File.Copy(TempRepository.Fixture, Path.Combine(_project, "upstream", "acme.json"));
    }

    [Fact]
    public async Task A_document_from_a_file_source_is_pinned_generated_with_the_consumers_attribute_and_checked_for_drift()
    {
        var options = Options("path=specs/acme/openapi.json|provider=Acme|source=upstream/acme.json|attribute=Acme.Billing.AcmeApi");

        var (exitCode, output) = await RunAsync("regen", options);

        exitCode.Should().Be(0, output);
        File.ReadAllBytes(Path.Combine(_project, "specs", "acme", "openapi.json")).Should().Equal(File.ReadAllBytes(Path.Combine(_project, "upstream", "acme.json")));
        File.ReadAllText(Path.Combine(_project, "specs", "acme", "acme.lock.json")).Should().Contain("\"key\": \"openapi\"").And.Contain("\"source\": \"upstream/acme.json\"");
        var interfaces = Directory.GetFiles(Path.Combine(_project, "Generated", "Acme"), "IAcme*Api.g.cs");
        interfaces.Should().NotBeEmpty();
        interfaces.Select(File.ReadAllText).Should().OnlyContain(text => text.Contains("namespace Acme.Billing.Acme;") && text.Contains("[global::Acme.Billing.AcmeApi]"));
        File.ReadAllText(Path.Combine(_project, "Generated", "Acme", "AcmeJsonSerializerContext.g.cs")).Should().Contain("partial class AcmeJsonSerializerContext");

        (await RunAsync("regen", options)).Output.Should().Contain("acme: up to date");
        (await RunAsync("check", options)).ExitCode.Should().Be(Clients.Regen.Drift.DriftOutcome.NoDrift);

        var removed = RemoveOneOperation(Path.Combine(_project, "upstream", "acme.json"));
        var drift = await RunAsync("check", options);

        drift.ExitCode.Should().Be(Clients.Regen.Drift.DriftOutcome.Breaking, drift.Output);
        drift.Output.Should().Contain("acme: DRIFT, BREAKING").And.Contain(removed + ": operation removed");
    }

    [Fact]
    public async Task A_url_source_is_pulled_with_the_header_its_environment_variable_holds_and_the_lock_records_the_url()
    {
        await using var server = await SpecServer.StartAsync();
        var document = File.ReadAllBytes(TempRepository.Fixture);
        server.Mode = context => context.Request.Headers["X-Docs-Token"] == "docs-secret"
            ? SpecServer.Serve(document)(context)
            : SpecServer.Serve("{\"error\":\"no token\"}"u8.ToArray(), status: 401)(context);
        var url = server.BaseUrl + "/v1/acme.json";
        var item = $"path=specs/acme/openapi.json|provider=Acme|source={url}|auth-header=X-Docs-Token|auth-env=ACME_DOCS_TOKEN";

        var refused = await RunAsync("regen", Options(item) with { Environment = new Dictionary<string, string?> { ["ACME_DOCS_TOKEN"] = "wrong" } });
        refused.ExitCode.Should().Be(1);
        refused.Output.Should().Contain("REGEN001: acme: " + url + ": HTTP 401").And.NotContain("wrong");

        var (exitCode, output) = await RunAsync("regen", Options(item) with { Environment = new Dictionary<string, string?> { ["ACME_DOCS_TOKEN"] = "docs-secret" } });

        exitCode.Should().Be(0, output);
        File.ReadAllText(Path.Combine(_project, "specs", "acme", "acme.lock.json")).Should().Contain($"\"source\": \"{url}\"");
        File.ReadAllText(Path.Combine(_project, "Generated", "Acme", Directory.GetFiles(Path.Combine(_project, "Generated", "Acme"), "IAcme*Api.g.cs").Select(Path.GetFileName).First()!))
            .Should().Contain("namespace Acme.Billing.Acme;").And.Contain("[global::Acme.Billing.Acme.AcmeApi]", "the default attribute is {namespace}.{Provider}Api");
        output.Should().NotContain("docs-secret");
    }

    [Theory]
    [InlineData("path=specs/a.json|provider=acme corp", "Provider 'acme corp' is not a C# name")]
    [InlineData("path=specs/a.json", "no Provider")]
    [InlineData("provider=Acme", "no Include")]
    [InlineData("path=specs/a.json|provider=Acme|source=https://x/a.json|auth-header=Authorization", "AuthHeader 'Authorization' needs AuthEnv")]
    [InlineData("path=specs/a.json|provider=Acme|auth-header=Authorization|auth-env=T", "pull authentication without a Source")]
    [InlineData("path=specs/a.json|provider=Acme|grouping=folder", "Grouping 'folder' is not Tag or Document")]
    [InlineData("path=specs/a.json|provider=Acme|colour=blue", "unknown metadata 'colour'")]
    public void A_malformed_item_is_refused_naming_what_is_wrong(string item, string message) =>
        FluentActions.Invoking(() => ConsumerDocument.Parse(item)).Should().Throw<FormatException>().WithMessage("*" + message + "*");

    [Fact]
    public void A_consumer_provider_cannot_take_a_built_in_name() =>
        FluentActions.Invoking(() => ConsumerDocument.Describe([ConsumerDocument.Parse("path=specs/a.json|provider=Ovh")], "Acme"))
            .Should().Throw<FormatException>().WithMessage("*built-in provider*OvhUniverse*");

    public void Dispose()
    {
        if (Directory.Exists(_project))
        {
            Directory.Delete(_project, recursive: true);
        }
    }

    private static string RemoveOneOperation(string path)
    {
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        var paths = document["paths"]!.AsObject();
        var (name, item) = paths.First(p => p.Value!["get"] is not null);
        item!.AsObject().Remove("get");
        File.WriteAllText(path, document.ToJsonString());
        return "GET " + name;
    }

    private RegenOptions Options(string item) => new()
    {
        Root = _project,
        Timeout = TimeSpan.FromSeconds(10),
        Providers = ["Acme"],
        SpecsDirectory = Path.Combine(_project, "specs"),
        StampDirectory = Path.Combine(_project, "obj", "regen-stamps"),
        Namespace = "Acme.Billing",
        GeneratedDirectory = Path.Combine(_project, "Generated"),
        Environment = new Dictionary<string, string?>(),
        ConsumerProviders = ConsumerDocument.Describe([ConsumerDocument.Parse(item)], "Acme.Billing"),
    };

    private static async Task<(int ExitCode, string Output)> RunAsync(string command, RegenOptions options)
    {
        var output = new StringWriter { NewLine = "\n" };
        var pipeline = new RegenPipeline(options, output, TimeProvider.System);
        var exitCode = command == "check" ? await pipeline.CheckAsync(CancellationToken.None) : await pipeline.RegenAsync(CancellationToken.None);
        return (exitCode, output.ToString());
    }
}

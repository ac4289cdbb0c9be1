using Clients.Sandbox.Specs;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Regen.Tests;

/// <summary>Fixtures/query-arrays.json (Swagger 2.0: a query array in each collectionFormat, one of untyped items) as a consumer's project gets it.</summary>
public sealed class GeneratedQueryArrayClients() : GeneratedConsumerClients(Path.Combine(AppContext.BaseDirectory, "Fixtures", "query-arrays.json"), "Clients.QueryArrays");

/// <summary>
/// A query array goes on the wire as its document says — Swagger 2.0's <c>collectionFormat</c> (csv by default) or
/// OpenAPI 3's style and explode — through a client RegenClients generated, against the document-driven emulator
/// serving the same document; and an array of untyped items (<c>items: {}</c>) is text the caller passes, which Refit
/// can put on a query string (it refused <c>JsonElement</c> items with RF006).
/// </summary>
public sealed class QueryArrayWireTests(GeneratedQueryArrayClients clients) : IClassFixture<GeneratedQueryArrayClients>
{
    private const string ClientId = "arrays";
    private const string ClientSecret = "arrays-secret";

    [Fact]
    public void The_clients_compile_with_Refits_analyzers_and_each_array_carries_its_collection_format()
    {
        clients.Problems.Should().BeEmpty();
        var api = clients.Files.Single(f => f.Key.EndsWith("IOptimumSearchApi.g.cs", StringComparison.Ordinal)).Value;
        api.Should().Contain("[global::Refit.Query(global::Refit.CollectionFormat.Csv)] global::System.Collections.Generic.IReadOnlyList<long>? ids")
            .And.Contain("[global::Refit.Query(global::Refit.CollectionFormat.Csv)] global::System.Collections.Generic.IReadOnlyList<string>? tags")
            .And.Contain("[global::Refit.Query(global::Refit.CollectionFormat.Ssv)] global::System.Collections.Generic.IReadOnlyList<string>? words")
            .And.Contain("[global::Refit.Query(global::Refit.CollectionFormat.Pipes)] global::System.Collections.Generic.IReadOnlyList<string>? codes")
            .And.Contain("[global::Refit.Query(global::Refit.CollectionFormat.Multi)] global::System.Collections.Generic.IReadOnlyList<string>? plates")
            .And.Contain("[global::Refit.Query(global::Refit.CollectionFormat.Csv)] global::System.Collections.Generic.IReadOnlyList<string>? anything");
    }

    [Fact]
    public async Task Each_array_reaches_the_strict_emulator_in_its_documents_format()
    {
        await using var api = await SpecSandbox.StartAsync(
            File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "query-arrays.json")),
            new SpecSandboxOptions { Name = "query-arrays.json", ClientId = ClientId, ClientSecret = ClientSecret });
        await using var provider = GeneratedConsumerClients.Connect(api, ClientId, ClientSecret);
        var search = provider.GetRequiredService(clients.Api("IOptimumSearchApi"));
        var method = search.GetType().GetInterfaces().Select(i => i.GetMethod("SearchAsync")).Single(m => m is not null)!;

        await (Task)method.Invoke(search, [(IReadOnlyList<long>)[1L, 2L], (IReadOnlyList<string>)["a", "b"], (IReadOnlyList<string>)["x", "y"],
            (IReadOnlyList<string>)["p", "q"], (IReadOnlyList<string>)["m", "n"], (IReadOnlyList<string>)["u", "v"], CancellationToken.None])!;

        api.Emulator.Rejected.Should().BeEmpty();
        var target = api.Emulator.Calls.Single(c => c.Operation == "GET /search").Target;
        var pairs = target[(target.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&').Select(Uri.UnescapeDataString).Order(StringComparer.Ordinal);
        pairs.Should().Equal("anything=u,v", "codes=p|q", "ids=1,2", "plates=m", "plates=n", "tags=a,b", "words=x y");
    }
}

using System.Text;
using Microsoft.AspNetCore.Http;

namespace Clients.Regen.Tests;

/// <summary>Every way a pulled document can be unusable gives one error naming provider, source and reason, and changes nothing.</summary>
public sealed class BadSpecTests
{
    public static TheoryData<string, string> Cases() => new()
    {
        { "html", "html" },
        { "empty", "empty" },
        { "truncated", "json" },
        { "not-openapi", "openapi" },
        { "bad-ref", "#/components/schemas/missing.Thing" },
        { "404", "404" },
        { "500", "500" },
        { "timeout", "timed out" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_document_is_reported_and_nothing_is_replaced(string kind, string reasonFragment)
    {
        using var repository = new TempRepository("v1/fixture");
        await using var server = await SpecServer.StartAsync();
        var good = await File.ReadAllBytesAsync(TempRepository.Fixture);
        server.Mode = SpecServer.Serve(good);
        var first = await repository.RunAsync("regen", ovhBaseUrl: server.BaseUrl);
        first.ExitCode.Should().Be(0, first.Output);
        var before = repository.Snapshot();
        before.Keys.Should().Contain(["specs/ovh/ovh.lock.json", "specs/ovh/v1/fixture.json", "src/Clients.Ovh/Generated/IOvhFixtureApi.g.cs"]);

        server.Mode = kind switch
        {
            "html" => SpecServer.Serve("<!DOCTYPE html><html><body>Maintenance</body></html>"u8.ToArray(), "text/html"),
            "empty" => SpecServer.Serve([]),
            "truncated" => SpecServer.Serve(good[..(good.Length / 2)]),
            "not-openapi" => SpecServer.Serve("{\"apis\":[{\"path\":\"/fixture\"}],\"basePath\":\"https://eu.api.ovh.com/v1\"}"u8.ToArray()),
            "bad-ref" => SpecServer.Serve(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(good).Replace("#/components/schemas/fixture.Zone\"", "#/components/schemas/missing.Thing\"", StringComparison.Ordinal))),
            "404" => SpecServer.Serve("not found"u8.ToArray(), "text/plain", 404),
            "500" => SpecServer.Serve("boom"u8.ToArray(), "text/plain", 500),
            _ => async context => await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted),
        };

        var (exitCode, output) = await repository.RunAsync("regen", ovhBaseUrl: server.BaseUrl, timeout: TimeSpan.FromSeconds(1), force: true);

        exitCode.Should().Be(1);
        output.Should().Contain("error REGEN001: ovh: ")
            .And.Contain(server.BaseUrl + "/v1/fixture.json?format=openapi3");
        output.ToLowerInvariant().Should().Contain(reasonFragment.ToLowerInvariant());
        repository.Snapshot().Should().Equal(before, "specs/, the lock and Generated/ must be exactly as they were");
    }

    [Fact]
    public async Task Offline_without_a_mirror_keeps_the_committed_code_with_a_warning()
    {
        using var repository = new TempRepository("v1/fixture");
        Directory.CreateDirectory(repository.Generated);
        await File.WriteAllTextAsync(Path.Combine(repository.Generated, "IOvhFixtureApi.g.cs"), "// committed\n");
        var before = repository.Snapshot();

        // Port 9 (discard) on loopback refuses connections: the same failure as no network.
        var (exitCode, output) = await repository.RunAsync("regen", ovhBaseUrl: "http://127.0.0.1:9");

        exitCode.Should().Be(0, output);
        output.Should().Contain("warning REGEN100: ovh: its documents could not be pulled");
        repository.Snapshot().Should().Equal(before);
    }
}

using System.Text;
using Microsoft.AspNetCore.Http;

namespace Clients.Regen.Tests;

/// <summary>Optimum's document is read with a client-credentials token, and replaces the committed reconstruction.</summary>
public sealed class OptimumPullTests
{
    private static async Task<TempRepository> RepositoryAsync()
    {
        var repository = new TempRepository("v1/fixture");
        var committed = Path.Combine(TempRepository.RepositoryRoot, "specs", "optimum", "swagger.json");
        Directory.CreateDirectory(Path.Combine(repository.Root, "specs", "optimum"));
        File.Copy(committed, Path.Combine(repository.Root, "specs", "optimum", "swagger.json"));
        await Task.CompletedTask;
        return repository;
    }

    private static Dictionary<string, string?> Environment(SpecServer server, string secret) => new()
    {
        ["OPTIMUM_CLIENT_ID"] = "regen",
        ["OPTIMUM_CLIENT_SECRET"] = secret,
        ["OPTIMUM_TOKEN_URL"] = server.BaseUrl + "/connect/token",
        ["OPTIMUM_SWAGGER_URL"] = server.BaseUrl + "/swagger/v1/swagger.json",
    };

    [Fact]
    public async Task The_live_document_is_pulled_with_a_bearer_token_and_replaces_the_reconstruction()
    {
        using var repository = await RepositoryAsync();
        await using var server = await SpecServer.StartAsync();
        var live = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(Path.Combine(repository.Root, "specs", "optimum", "swagger.json")))
            .Replace("\"/Persons\"", "\"/People\"", StringComparison.Ordinal);
        server.Mode = async context =>
        {
            if (context.Request.Headers.Authorization != "Bearer token-123")
            {
                context.Response.StatusCode = 401;
                return;
            }

            await SpecServer.Serve(Encoding.UTF8.GetBytes(live))(context);
        };

        var (exitCode, output) = await repository.RunAsync("regen", provider: "optimum", environment: Environment(server, "s3cret"));

        exitCode.Should().Be(0, output);
        (await File.ReadAllTextAsync(Path.Combine(repository.Root, "specs", "optimum", "swagger.json"))).Should().Be(live);
        var api = await File.ReadAllTextAsync(Path.Combine(repository.Root, "src", "Clients.Optimum", "Generated", "IOptimumPersonsApi.g.cs"));
        api.Should().Contain("[global::Refit.Get(\"/People\")]");
        var lockText = await File.ReadAllTextAsync(Path.Combine(repository.Root, "specs", "optimum", "optimum.lock.json"));
        lockText.Should().Contain(server.BaseUrl + "/swagger/v1/swagger.json");
        output.Should().NotContain("s3cret");
    }

    [Fact]
    public async Task A_rejected_client_is_one_clear_error_without_the_secret_and_nothing_changes()
    {
        using var repository = await RepositoryAsync();
        await using var server = await SpecServer.StartAsync();
        var before = repository.Snapshot();

        var (exitCode, output) = await repository.RunAsync("regen", provider: "optimum", environment: Environment(server, "wrong-secret"));

        exitCode.Should().Be(1);
        output.Should().Contain("error REGEN001: optimum: " + server.BaseUrl + "/connect/token").And.Contain("HTTP 400");
        output.Should().NotContain("wrong-secret");
        repository.Snapshot().Should().Equal(before);
    }
}

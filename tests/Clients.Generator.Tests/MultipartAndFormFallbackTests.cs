using Clients.Generator.Tests.Infrastructure;

namespace Clients.Generator.Tests;

/// <summary>
/// The generator implements JSON bodies itself; a <c>[Multipart]</c> method or a form-encoded body
/// (<c>[Body(BodySerializationMethod.UrlEncoded)]</c>), which RegenClients emits for multipart and form documents, leaves
/// its interface to Refit's generated stub (registered without a factory), never to a half-right implementation.
/// </summary>
public sealed class MultipartAndFormFallbackTests
{
    private const string Source = """
        [Clients.Optimum.OptimumApi]
        public interface IJsonShapesApi
        {
            [Refit.Post("/shapes")] System.Threading.Tasks.Task<string> CreateAsync([Refit.Body] string body, System.Threading.CancellationToken cancellationToken = default);
        }

        [Clients.Optimum.OptimumApi]
        public interface IUploadApi
        {
            [Refit.Post("/shapes")] System.Threading.Tasks.Task<string> CreateAsync([Refit.Body] string body);

            [Refit.Multipart]
            [Refit.Post("/shapes/{id}/picture")]
            System.Threading.Tasks.Task UploadAsync(int id, [Refit.AliasAs("File")] Refit.MultipartItem file, [Refit.AliasAs("Width")] int? width = default);
        }

        [Clients.Optimum.OptimumApi]
        public interface INoteApi
        {
            // Scalar parts only: without [Multipart] these would be query values, so the attribute alone must decide.
            [Refit.Multipart]
            [Refit.Post("/notes")]
            System.Threading.Tasks.Task PostAsync([Refit.AliasAs("Text")] string text, [Refit.AliasAs("Width")] int? width = default);
        }

        [Clients.Optimum.OptimumApi]
        public interface IFormApi
        {
            [Refit.Post("/shapes/search")]
            System.Threading.Tasks.Task<string> SearchAsync([Refit.Body(Refit.BodySerializationMethod.UrlEncoded)] System.Collections.Generic.Dictionary<string, string> body);
        }
        """;

    [Fact]
    public void Interfaces_with_a_multipart_method_or_a_form_body_are_left_to_Refit_s_stub()
    {
        var (_, _, result) = GeneratorHarness.Run(GeneratorHarness.Compile(("Apis.cs", Source)));

        var sources = GeneratorHarness.Sources(result);
        sources["Optimum.Clients.g.cs"].Should().Contain("builder.AddClient<global::IJsonShapesApi>(static (client, settings) => new global::Clients.Generated.GeneratedIJsonShapesApiClient(client, settings));")
            .And.Contain("builder.AddClient<global::IUploadApi>();")
            .And.Contain("builder.AddClient<global::IFormApi>();")
            .And.Contain("builder.AddClient<global::INoteApi>();");
        sources.Should().ContainKey("Optimum.GeneratedIJsonShapesApiClient.g.cs")
            .And.NotContainKey("Optimum.GeneratedIUploadApiClient.g.cs")
            .And.NotContainKey("Optimum.GeneratedIFormApiClient.g.cs")
            .And.NotContainKey("Optimum.GeneratedINoteApiClient.g.cs");
    }
}

namespace Clients.Regen.Tests.Polymorphism;

/// <summary>
/// What each composition shape of the fixture becomes, compared with committed baselines in <c>GoldenPolymorphism/</c>
/// (<c>UPDATE_GOLDEN=1</c> rewrites them), and that it compiles with no diagnostic, Refit's generator and analyzers
/// included.
/// </summary>
public sealed class PolymorphismGoldenTests(ShapesFixture shapes) : IClassFixture<ShapesFixture>
{
    [Fact]
    public void Generated_code_for_the_shapes_fixture_matches_the_committed_baselines()
    {
        var files = ShapesFixture.Generate();
        GoldenFiles.ShouldMatch(files, "GoldenPolymorphism");
    }

    [Fact]
    public void Generated_code_compiles_without_diagnostics_and_Refit_reports_nothing()
    {
        shapes.CompileDiagnostics.Should().BeEmpty();
        shapes.RefitDiagnosticsFound.Should().BeEmpty();
    }

    [Fact]
    public void Each_composition_shape_has_its_typed_form()
    {
        var models = string.Concat(shapes.Files.Where(f => f.Key.StartsWith("Models/", StringComparison.Ordinal)).Select(f => f.Value));
        models.Should().Contain("[global::System.Text.Json.Serialization.JsonConverter(typeof(ShapeJsonConverter))]")
            .And.Contain("public partial class Shape\n")
            .And.Contain("public sealed partial class Rectangle : Shape")
            .And.Contain("public Rectangle() => TypeName = \"Rectangle\";")
            .And.Contain("public sealed partial class Circle : Shape")
            .And.Contain("public sealed partial class TaggedShape : Tagged")
            .And.Contain("internal sealed class ShapeJsonConverter")
            .And.Contain("public sealed partial class Label : global::Clients.Core.Wire.JsonUnion")
            .And.Contain("public bool TryGetRichLabel(")
            .And.Contain("public bool TryGetString(");
        var shapesApi = shapes.Files["IOptimumShapesApi.g.cs"];
        shapesApi.Should().Contain("CreateShapeAsync([global::Refit.Body] global::Clients.Optimum.Models.Shape body,")
            .And.NotContain("JsonElement");
        var files = shapes.Files["IOptimumFilesApi.g.cs"];
        files.Should().Contain("[global::Refit.Multipart]")
            .And.Contain("UploadPictureAsync(int id, [global::Refit.AliasAs(\"File\")] global::Refit.MultipartItem file,")
            .And.Contain("[global::Refit.AliasAs(\"Width\")] int? width = default")
            .And.Contain("[global::Refit.Body(global::Refit.BodySerializationMethod.UrlEncoded)] global::Clients.Optimum.Models.SearchShapesRequest body")
            .And.NotContain("HttpContent");
    }
}

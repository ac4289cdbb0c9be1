using System.Collections;
using System.Text.Json;

namespace Clients.Regen.Tests.Polymorphism;

/// <summary>
/// The generated contracts of the shapes fixture, through the options the provider's Refit settings use (the generated
/// JsonSerializerContext): a known discriminator reads as its subtype, an unknown one as the base that keeps every
/// property, and both write back byte for byte; a union keeps its JSON and answers <c>TryGet…</c> per alternative.
/// </summary>
public sealed class PolymorphicRoundTripTests(ShapesFixture shapes) : IClassFixture<ShapesFixture>
{
    private const string Rectangle = """{"TypeName":"Rectangle","name":"r","createdAt":"2025-03-04T05:06:07+00:00","width":2.5,"height":3,"note":"kept"}""";
    private const string Circle = """{"TypeName":"Circle","radius":1}""";
    private const string Hexagon = """{"TypeName":"Hexagon","name":"h","sides":6,"nested":{"a":[1,null,true]}}""";

    [Fact]
    public void A_known_discriminator_reads_as_its_subtype_and_writes_back_byte_for_byte()
    {
        var shape = shapes.Read(Rectangle, "Shape");

        shape.GetType().Should().Be(shapes.Model("Rectangle"));
        shape.GetType().GetProperty("Width")!.GetValue(shape).Should().Be(2.5);
        Extra(shape).Keys.Should().Equal("note");
        shapes.Write(shape, "Shape").Should().Be(Rectangle);
        shapes.Read(Circle, "Shape").GetType().Should().Be(shapes.Model("Circle"));
        shapes.Write(shapes.Read(Circle, "Shape"), "Shape").Should().Be(Circle);
    }

    [Fact]
    public void An_unknown_discriminator_reads_as_the_base_with_its_properties_and_writes_back_byte_for_byte()
    {
        var shape = shapes.Read(Hexagon, "Shape");

        shape.GetType().Should().Be(shapes.Model("Shape"), "no contract is named Hexagon: the base keeps the value");
        shape.GetType().GetProperty("TypeName")!.GetValue(shape).Should().Be("Hexagon");
        shape.GetType().GetProperty("Name")!.GetValue(shape).Should().Be("h");
        Extra(shape).Keys.Should().Equal("sides", "nested");
        shapes.Write(shape, "Shape").Should().Be(Hexagon);
    }

    [Fact]
    public void A_list_of_mixed_shapes_round_trips_byte_for_byte()
    {
        var wire = $"[{Rectangle},{Hexagon},{Circle}]";
        var listType = typeof(IReadOnlyList<>).MakeGenericType(shapes.Model("Shape"));

        var list = (IEnumerable)JsonSerializer.Deserialize(wire, listType, shapes.Options)!;

        list.Cast<object>().Select(s => s.GetType().Name).Should().Equal("Rectangle", "Shape", "Circle");
        JsonSerializer.Serialize(list, listType, shapes.Options).Should().Be(wire);
    }

    [Fact]
    public void A_new_subtype_instance_carries_its_discriminator()
    {
        var rectangle = Activator.CreateInstance(shapes.Model("Rectangle"))!;
        rectangle.GetType().GetProperty("Width")!.SetValue(rectangle, 1.0);
        rectangle.GetType().GetProperty("Height")!.SetValue(rectangle, 2.0);

        shapes.Write(rectangle, "Shape").Should().Be("""{"TypeName":"Rectangle","width":1,"height":2}""");
        shapes.Write(rectangle, "Rectangle").Should().Be("""{"TypeName":"Rectangle","width":1,"height":2}""");
    }

    [Fact]
    public void An_allOf_without_discriminator_is_a_derived_contract()
    {
        const string wire = """{"tags":["a"],"shape":{"TypeName":"Hexagon"},"more":1}""";
        var tagged = shapes.Read(wire, "TaggedShape");

        tagged.GetType().BaseType.Should().Be(shapes.Model("Tagged"));
        shapes.Write(tagged, "TaggedShape").Should().Be(wire);
    }

    [Fact]
    public void A_union_without_discriminator_offers_each_alternative_and_keeps_its_json()
    {
        var label = shapes.Model("Label");
        var text = shapes.Read("\"plain\"", "Label");
        Try(text, "TryGetString").Should().Be((true, "plain"));
        Try(text, "TryGetRichLabel").Found.Should().BeFalse();
        shapes.Write(text, "Label").Should().Be("\"plain\"");

        const string rich = """{"text":"t","color":"red","x":1}""";
        var richLabel = shapes.Read(rich, "Label");
        Try(richLabel, "TryGetString").Found.Should().BeFalse();
        var (found, value) = Try(richLabel, "TryGetRichLabel");
        found.Should().BeTrue();
        value!.GetType().GetProperty("Text")!.GetValue(value).Should().Be("t");
        shapes.Write(richLabel, "Label").Should().Be(rich);

        // An object without the alternative's required property is not that alternative.
        Try(shapes.Read("""{"color":"red"}""", "Label"), "TryGetRichLabel").Found.Should().BeFalse();

        // Built from an alternative, it is written as that alternative.
        var built = Activator.CreateInstance(shapes.Model("RichLabel"))!;
        built.GetType().GetProperty("Text")!.SetValue(built, "made");
        var union = label.GetMethod("FromRichLabel")!.Invoke(null, [built])!;
        shapes.Write(union, "Label").Should().Be("""{"text":"made"}""");
    }

    private static IDictionary<string, JsonElement> Extra(object value) =>
        (IDictionary<string, JsonElement>?)value.GetType().GetProperty("AdditionalProperties")!.GetValue(value) ?? new Dictionary<string, JsonElement>();

    private static (bool Found, object? Value) Try(object union, string method)
    {
        var arguments = new object?[] { null };
        var found = (bool)union.GetType().GetMethod(method)!.Invoke(union, arguments)!;
        return (found, arguments[0]);
    }
}

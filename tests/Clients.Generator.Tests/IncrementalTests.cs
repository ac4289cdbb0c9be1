using System.Collections;
using System.Reflection;
using Clients.Generator.Tests.Fixtures;
using Clients.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Clients.Generator.Tests;

public sealed class IncrementalTests
{
    private static readonly string[] AllSteps =
    [
        TrackingNames.LocalProviders,
        TrackingNames.InterfaceResults,
        TrackingNames.Interfaces,
        TrackingNames.Diagnostics,
        TrackingNames.Facts,
        TrackingNames.JsonContexts,
        TrackingNames.ProviderOutputs,
    ];

    [Fact]
    public void A_new_unrelated_type_leaves_every_step_cached_or_unchanged()
    {
        var compilation = WithDiagnostics();
        var (driver, _, _) = GeneratorHarness.Run(compilation);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Elsewhere { internal sealed class AddedLater { } }", GeneratorHarness.ParseOptions, "Added.cs"));
        var (_, _, result) = GeneratorHarness.Run(edited, driver);

        AssertAllCachedOrUnchanged(result);
    }

    [Fact]
    public void A_comment_in_a_file_holding_a_marked_interface_leaves_every_step_cached_or_unchanged()
    {
        var compilation = WithDiagnostics();
        var (driver, _, _) = GeneratorHarness.Run(compilation);

        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "AcmeWidgets.cs");
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(
            tree.GetText().WithChanges(new Microsoft.CodeAnalysis.Text.TextChange(new(tree.Length, 0), "\n// a comment\n"))));
        var (_, _, result) = GeneratorHarness.Run(edited, driver);

        AssertAllCachedOrUnchanged(result);
    }

    [Fact]
    public void Changing_a_method_of_one_providers_interface_re_emits_only_that_provider()
    {
        var compilation = GeneratorHarness.Compile(FixtureSources.All);
        var (driver, _, first) = GeneratorHarness.Run(compilation);

        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "ConsumerOvh.cs");
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            FixtureSources.ConsumerOvh.Replace("[Post(\"/domain/zone/{zoneName}/refresh\")]", "[Post(\"/domain/zone/{zoneName}/refresh2\")]", StringComparison.Ordinal),
            GeneratorHarness.ParseOptions,
            "ConsumerOvh.cs"));
        var (_, _, second) = GeneratorHarness.Run(edited, driver);

        var outputs = second.TrackedSteps[TrackingNames.ProviderOutputs].SelectMany(s => s.Outputs).ToList();
        outputs.Should().HaveCount(2);
        var modified = outputs.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => ((Models.ProviderOutput)o.Value).Provider.Name);
        modified.Should().Equal("Ovh");
        outputs.Where(o => o.Reason != IncrementalStepRunReason.Modified)
            .Should().OnlyContain(o => o.Reason == IncrementalStepRunReason.Cached || o.Reason == IncrementalStepRunReason.Unchanged);

        GeneratorHarness.Sources(second)["Acme.Clients.g.cs"].Should().Be(GeneratorHarness.Sources(first)["Acme.Clients.g.cs"]);
        GeneratorHarness.Sources(second)["Ovh.AccessRules.g.cs"].Should().Contain("/domain/zone/*/refresh2");
    }

    [Fact]
    public void Cached_outputs_hold_no_symbol_syntax_node_compilation_or_location()
    {
        var compilation = WithDiagnostics();
        var (_, _, result) = GeneratorHarness.Run(compilation);

        result.TrackedSteps.Keys.Should().Contain(AllSteps);
        foreach (var step in AllSteps)
        {
            foreach (var run in result.TrackedSteps[step])
            {
                foreach (var (value, _) in run.Outputs)
                {
                    AssertNoForbiddenTypes(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    [Fact]
    public void The_walker_itself_catches_a_location_or_symbol_hidden_in_a_model()
    {
        var compilation = GeneratorHarness.Compile(FixtureSources.All);
        var symbol = compilation.GetTypeByMetadataName("Acme.IAcmeWidgetsApi")!;

        var withLocation = () => AssertNoForbiddenTypes(("x", new[] { symbol.Locations[0] }), "test", new HashSet<object>(ReferenceEqualityComparer.Instance));
        var withSymbol = () => AssertNoForbiddenTypes(new List<object> { "y", symbol }, "test", new HashSet<object>(ReferenceEqualityComparer.Instance));

        withLocation.Should().Throw<Exception>();
        withSymbol.Should().Throw<Exception>();
    }

    // The bad interfaces make the Diagnostics step carry items, so that its caching is checked too.
    private static Compilation WithDiagnostics() =>
        GeneratorHarness.Compile(FixtureSources.All.Append(("Bad.cs", DiagnosticSources.AllBad)).ToArray());

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result)
    {
        foreach (var step in AllSteps)
        {
            result.TrackedSteps.Keys.Should().Contain(step);
            foreach (var run in result.TrackedSteps[step])
            {
                run.Outputs.Should().OnlyContain(
                    o => o.Reason == IncrementalStepRunReason.Cached || o.Reason == IncrementalStepRunReason.Unchanged,
                    $"step {step} must not redo work after an unrelated edit");
            }
        }

        result.TrackedSteps[TrackingNames.Diagnostics].SelectMany(r => r.Outputs).Should().HaveCount(5);
        result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs)
            .Should().OnlyContain(o => o.Reason == IncrementalStepRunReason.Cached);
    }

    private static void AssertNoForbiddenTypes(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        (value is ISymbol || value is SyntaxNode || value is Compilation || value is SemanticModel || value is Location || value is Diagnostic || value is SyntaxTree)
            .Should().BeFalse($"step {step} caches a {value.GetType().Name}");

        if (value is IEnumerable enumerable)
        {
            foreach (var item in enumerable)
            {
                AssertNoForbiddenTypes(item, step, seen);
            }
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoForbiddenTypes(field.GetValue(value), step, seen);
            }
        }
    }
}

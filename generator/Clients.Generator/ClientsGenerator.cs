using System.Linq;
using Clients.Generator.Emitting;
using Clients.Generator.Models;
using Clients.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Clients.Generator;

/// <summary>Binds provider-marked Refit interfaces to their auth handler chains.</summary>
/// <remarks>
/// <para>
/// Providers are found through <c>ForAttributeWithMetadataName("Clients.Core.ClientProviderAttribute")</c> on their
/// marker attribute classes. Marked interfaces cannot be: FAWMN matches one fixed attribute name, while a marker is
/// <em>any</em> attribute whose class carries <c>[ClientProvider]</c> (so that a fourth provider needs only its own
/// attribute and hook, with nothing hard-coded here). They are found with <c>CreateSyntaxProvider</c>: a cheap
/// syntactic predicate (an interface with at least one attribute list) and a semantic transform that resolves the
/// attributes. The transform re-runs on each compilation change, but only for attributed interfaces, and its output
/// is value-equal, so everything downstream stays cached; the incrementality tests check that.
/// </para>
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class ClientsGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var providerResults = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ProviderParser.ClientProviderAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => ProviderParser.Read((INamedTypeSymbol)ctx.TargetSymbol, ctx.SemanticModel.Compilation.Assembly, ct));

        // A declaration the generator cannot read is reported (CLG007-CLG009), never dropped silently.
        var providerDiagnostics = providerResults.SelectMany(static (r, _) => r.Diagnostics);

        var localProviders = providerResults
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.LocalProviders);

        var results = context.SyntaxProvider
            .CreateSyntaxProvider(
                static (node, _) => node is InterfaceDeclarationSyntax { AttributeLists.Count: > 0 },
                static (ctx, ct) => InterfaceParser.Parse(ctx, ct))
            .Where(static r => r is not null)
            .Select(static (r, _) => r!)
            .WithTrackingName(TrackingNames.InterfaceResults);

        var diagnostics = results
            .SelectMany(static (r, _) => r.Diagnostics)
            .WithTrackingName(TrackingNames.Diagnostics);

        var interfaces = results
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.Interfaces);

        var facts = context.CompilationProvider
            .Select(static (c, _) => CompilationFactsParser.Parse(c))
            .WithTrackingName(TrackingNames.Facts);

        // The assembly's own source-generated JSON contexts: a consumer's interfaces' types are described by them, not by
        // reflection (trimmed and native AOT apps), once the module initializer has registered them with Clients.Core.
        var jsonContexts = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                JsonContextParser.JsonSerializableAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => JsonContextParser.Parse((INamedTypeSymbol)ctx.TargetSymbol))
            .Where(static name => name is not null)
            .Select(static (name, _) => name!)
            .Collect()
            .Select(static (names, _) => new EquatableArray<string>(names.Distinct().OrderBy(static n => n, System.StringComparer.Ordinal)))
            .WithTrackingName(TrackingNames.JsonContexts);

        var outputs = interfaces.Collect()
            .Combine(localProviders.Collect())
            .Combine(facts.Combine(jsonContexts))
            .SelectMany(static (input, _) => ProviderGrouper.Group(input.Left.Left, input.Left.Right, input.Right.Left, input.Right.Right))
            .WithTrackingName(TrackingNames.ProviderOutputs);

        context.RegisterSourceOutput(diagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));
        context.RegisterSourceOutput(providerDiagnostics, static (spc, diagnostic) => spc.ReportDiagnostic(diagnostic.ToDiagnostic()));
        context.RegisterSourceOutput(facts, static (spc, f) =>
        {
            if (f.UnsupportedRefitVersion is { } version)
            {
                spc.ReportDiagnostic(Diagnostic.Create(Diagnostics.DiagnosticDescriptors.UnsupportedRefit, Location.None, version, Clients.Core.Wire.RefitVersionRange.Text));
            }
        });
        context.RegisterSourceOutput(outputs, static (spc, output) =>
        {
            foreach (var (hintName, source) in ProviderEmitter.Emit(output))
            {
                spc.AddSource(hintName, source);
            }
        });
    }
}

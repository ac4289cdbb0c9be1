using System.Collections.Immutable;
using Clients.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Clients.Docs.Tests;

/// <summary>
/// Compiles one <c>csharp</c> block in memory, as a reader's ASP.NET Core project would: the SDK's implicit usings of a
/// web project plus <c>Clients.Optimum</c>, <c>Clients.Ovh</c> and <c>Clients.Origami</c>; the real assemblies of
/// Clients.Core, the three provider packages and Clients.Sandbox; and the Clients generator run over the snippet, so
/// the members it emits for a snippet's own interfaces (<c>Add{Interface}</c>, access rules) exist.
/// </summary>
/// <remarks>
/// A few names are in scope without being declared (<see cref="AmbientSource"/>), the way a reader's surrounding code
/// would have them: <c>builder</c> (a <c>WebApplicationBuilder</c>), <c>app</c> (the built <c>WebApplication</c>),
/// <c>config</c> (an <c>IConfiguration</c>), <c>ct</c> (a <c>CancellationToken</c>). A declaration in the snippet hides them.
/// </remarks>
internal static class SnippetCompiler
{
    public const string GlobalUsingsSource = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Net.Http.Json;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        global using Clients.Optimum;
        global using Clients.Ovh;
        global using Clients.Origami;
        global using static SnippetAmbient;
        """;

    public const string AmbientSource = """
        internal static class SnippetAmbient
        {
            public static WebApplicationBuilder builder => throw null!;
            public static WebApplication app => throw null!;
            public static IConfiguration config => throw null!;
            public static CancellationToken ct => default;
        }
        """;

    /// <summary>Warnings that mean the documentation shows something it should not: obsolete members.</summary>
    private static readonly ImmutableHashSet<string> FailingWarnings = ["CS0612", "CS0618"];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(BuildReferences);

    /// <summary>The problems of the block (errors, and obsolete-member warnings), each as <c>file:line: ID: message</c>; empty when it compiles.</summary>
    public static IReadOnlyList<string> Problems(CodeBlock block)
    {
        var source = Wrap(block);
        var snippet = CSharpSyntaxTree.ParseText(source, ParseOptions, path: block.File + ".cs");
        var isProgram = snippet.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [
                snippet,
                CSharpSyntaxTree.ParseText(GlobalUsingsSource, ParseOptions, path: "GlobalUsings.cs"),
                CSharpSyntaxTree.ParseText(AmbientSource, ParseOptions, path: "SnippetAmbient.cs"),
            ],
            LazyReferences.Value,
            new CSharpCompilationOptions(
                isProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));

        CSharpGeneratorDriver.Create([new ClientsGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        return generatorDiagnostics.Concat(output.GetDiagnostics())
            .Where(d => d.Severity == DiagnosticSeverity.Error || (d.Severity == DiagnosticSeverity.Warning && FailingWarnings.Contains(d.Id)))
            .Select(d => Describe(d, block))
            .Distinct()
            .ToList();
    }

    /// <summary>The snippet's source: a <c>#line</c> directive maps every diagnostic back to the Markdown file's line.</summary>
    public static string Wrap(CodeBlock block)
    {
        var mapped = $"#line {block.Line} \"{block.File}\"\n{block.Code}\n#line default\n";
        return block.Directive.Kind switch
        {
            SnippetKind.Program => mapped,
            SnippetKind.Members => "internal sealed partial class SnippetMembers\n{\n" + mapped + "}\n",
            _ => throw new InvalidOperationException($"{block.Location}: a skipped block is not compiled."),
        };
    }

    private static string Describe(Diagnostic diagnostic, CodeBlock block)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var where = span.IsValid && span.HasMappedPath ? $"{span.Path}:{span.StartLinePosition.Line + 1}" : block.Location;
        return $"{where}: {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static ImmutableArray<MetadataReference> BuildReferences()
    {
        var self = typeof(SnippetCompiler).Assembly.Location;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !string.Equals(p, self, StringComparison.OrdinalIgnoreCase))
            .Where(p => !Path.GetFileName(p).StartsWith("Clients.Generator", StringComparison.Ordinal))
            .Where(p => !Path.GetFileName(p).StartsWith("xunit", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}

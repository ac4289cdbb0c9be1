using System.Globalization;
using System.Text.Json;
using Clients.Regen.Model;

namespace Clients.Regen.Emit;

/// <summary>
/// Emits one provider's Refit interfaces, System.Text.Json contracts and <c>JsonSerializerContext</c> from its
/// documents. Output is a map from a path relative to <c>Generated/</c> to file content; it depends only on the
/// documents (no dates, no versions, ordinal ordering, <c>\n</c> line endings).
/// </summary>
internal sealed class ClientEmitter
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private readonly ProviderDefinition _provider;
    private readonly IReadOnlyList<SpecDocument> _documents;
    private readonly TypeCatalog _catalog;
    private readonly SortedSet<string> _roots = new(StringComparer.Ordinal);

    private ClientEmitter(ProviderDefinition provider, IReadOnlyList<SpecDocument> documents)
    {
        _provider = provider;
        _documents = documents;
        _catalog = new TypeCatalog(provider, documents);
    }

    public static SortedDictionary<string, string> Emit(ProviderDefinition provider, IReadOnlyList<SpecInput> inputs)
    {
        var documents = inputs.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => SpecDocument.Parse(provider.Name, i)).ToList();
        return new ClientEmitter(provider, documents).Run();
    }

    private SortedDictionary<string, string> Run()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var operations = _documents.SelectMany(ReadOperations).ToList();
        var interfaces = new InterfaceEmitter(_provider, _catalog, _roots);
        var contextTypes = new ContextTypeNames(_provider.ContextName, _provider.ModelsNamespace);
        var modelEmitter = new ModelEmitter(_catalog, contextTypes, _roots);
        foreach (var group in operations.GroupBy(o => o.Interface, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            files[group.Key + ".g.cs"] = interfaces.EmitInterface(group.Key, group.ToList());
        }

        var models = new SortedDictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < _catalog.Types.Count; i++)
        {
            var type = _catalog.Types[i];
            if (!models.TryGetValue(type.File, out var chunks))
            {
                models[type.File] = chunks = [];
            }

            chunks.Add(modelEmitter.EmitType(type));
        }

        foreach (var (file, chunks) in models)
        {
            files[file] = GeneratedHeader.Text + "\nnamespace " + _provider.ModelsNamespace + ";\n\n" + string.Join("\n", chunks);
        }

        files[_provider.ContextName + ".g.cs"] = EmitContext(contextTypes);
        return files;
    }

    private IEnumerable<OperationModel> ReadOperations(SpecDocument document)
    {
        var paths = document.Root.GetProperty("paths");
        var isV2 = _provider.VersionedKeys && document.Input.Key.StartsWith("v2/", StringComparison.Ordinal);
        foreach (var path in paths.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var item = document.Resolve(path.Value);
            var shared = item.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Array
                ? p.EnumerateArray().Select(document.Resolve).ToList()
                : [];
            foreach (var method in Methods)
            {
                if (!item.TryGetProperty(method, out var operation) || operation.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var parameters = new List<JsonElement>(shared);
                if (operation.TryGetProperty("parameters", out var own) && own.ValueKind == JsonValueKind.Array)
                {
                    foreach (var parameter in own.EnumerateArray().Select(document.Resolve))
                    {
                        parameters.RemoveAll(x => TypeCatalog.Text(x, "name") == TypeCatalog.Text(parameter, "name")
                                                 && TypeCatalog.Text(x, "in") == TypeCatalog.Text(parameter, "in"));
                        parameters.Add(parameter);
                    }
                }

                var refitPath = isV2 ? "/v2" + path.Name : path.Name;
                yield return new OperationModel(document, InterfaceName(document, operation), method, path.Name, refitPath, operation, parameters);
            }
        }
    }

    private string InterfaceName(SpecDocument document, JsonElement operation)
    {
        if (_provider.Grouping == InterfaceGrouping.ByDocument)
        {
            var key = document.Input.Key;
            var name = key.StartsWith("v1/", StringComparison.Ordinal) ? key[3..] : key;
            return "I" + _provider.Prefix + Naming.Pascal(name.Replace('/', '.')) + "Api";
        }

        var tag = operation.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array && tags.GetArrayLength() > 0
            ? tags[0].GetString() ?? "Default"
            : "Default";
        return "I" + _provider.Prefix + Naming.Pascal(tag) + "Api";
    }

    private string EmitContext(ContextTypeNames contextTypes)
    {
        contextTypes.Add("string");
        foreach (var root in _roots)
        {
            contextTypes.Add(root);
        }

        var named = contextTypes.Explicit();
        var writer = new CodeWriter();
        writer.Line("namespace " + _provider.Namespace + ";");
        writer.Line();
        writer.DocSummary($"System.Text.Json source-generated metadata for every request and response type of the {_provider.Prefix} clients.");
        writer.Line("[global::System.Text.Json.Serialization.JsonSourceGenerationOptions(DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, GenerationMode = global::System.Text.Json.Serialization.JsonSourceGenerationMode.Metadata)]");
        foreach (var root in _roots.Where(r => r != "string"))
        {
            writer.Line(Serializable(root, named));
        }

        // Types met only inside others get a root of their own when they need a name of their own.
        foreach (var type in named.Keys.Where(t => t != "string" && !_roots.Contains(t)))
        {
            writer.Line(Serializable(type, named));
        }

        writer.Line(Serializable("string", named));
        writer.Line($"public partial class {_provider.ContextName} : global::System.Text.Json.Serialization.JsonSerializerContext");
        writer.Line("{");
        writer.Line("}");
        return GeneratedHeader.Text + "\n" + writer;
    }

    private static string Serializable(string type, SortedDictionary<string, string> named) => named.TryGetValue(type, out var name)
        ? $"[global::System.Text.Json.Serialization.JsonSerializable(typeof({type}), TypeInfoPropertyName = {Naming.Literal(name)})]"
        : $"[global::System.Text.Json.Serialization.JsonSerializable(typeof({type}))]";
}

using System.Globalization;
using System.Text.Json;
using Clients.Regen.Model;

namespace Clients.Regen.Emit;

/// <summary>
/// Emits one Refit interface: method names (operationId, or verb + path made collision-free), parameters in a fixed
/// order (path, required, optional, then the CancellationToken), XML docs and <c>[Obsolete]</c> from the document.
/// Request and response types it meets are added to <paramref name="roots"/> for the JsonSerializerContext.
/// </summary>
internal sealed class InterfaceEmitter(ProviderDefinition provider, TypeCatalog catalog, ISet<string> roots)
{
    public string EmitInterface(string name, List<OperationModel> operations)
    {
        var names = MethodNames(operations);
        var writer = new CodeWriter();
        writer.Line("namespace " + provider.Namespace + ";");
        writer.Line();
        var document = operations[0].Document;
        var title = DocumentTitle(document, name);
        writer.DocSummary(title);
        writer.Line("[" + provider.MarkerAttribute + "]");
        writer.Open("public partial interface " + name);
        var first = true;
        foreach (var operation in operations.OrderBy(o => names[o], StringComparer.Ordinal))
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            EmitMethod(writer, operation, names[operation]);
        }

        writer.Close();
        return GeneratedHeader.Text + "\n" + writer;
    }

    private string DocumentTitle(SpecDocument document, string interfaceName)
    {
        if (provider.Grouping == InterfaceGrouping.ByDocument)
        {
            var key = document.Input.Key;
            var version = key[..key.IndexOf('/', StringComparison.Ordinal)];
            return $"OVHcloud API {version}, universe /{key[(version.Length + 1)..]}.";
        }

        var title = document.Root.TryGetProperty("info", out var info) ? TypeCatalog.Text(info, "title") : null;
        var tag = interfaceName["I".Length..^"Api".Length][provider.Prefix.Length..];
        return $"{title ?? provider.Prefix}: {tag} operations.";
    }

    private Dictionary<OperationModel, string> MethodNames(List<OperationModel> operations)
    {
        var names = new Dictionary<OperationModel, string>();
        foreach (var operation in operations)
        {
            names[operation] = BaseName(operation);
        }

        foreach (var group in names.GroupBy(n => n.Value, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList())
        {
            foreach (var (operation, baseName) in group)
            {
                var parameters = PathParameters(operation.Path);
                names[operation] = parameters.Count == 0 ? baseName : baseName + "By" + string.Join("And", parameters.Select(Naming.Pascal));
            }
        }

        foreach (var group in names.GroupBy(n => n.Value, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList())
        {
            var index = 1;
            foreach (var (operation, baseName) in group.OrderBy(g => g.Key.Path, StringComparer.Ordinal).ThenBy(g => g.Key.Method, StringComparer.Ordinal))
            {
                names[operation] = index == 1 ? baseName : baseName + index.ToString(CultureInfo.InvariantCulture);
                index++;
            }
        }

        return names;
    }

    private string BaseName(OperationModel operation)
    {
        if (provider.Grouping == InterfaceGrouping.ByTag && TypeCatalog.Text(operation.Operation, "operationId") is { Length: > 0 } id)
        {
            return Naming.Pascal(id);
        }

        var literal = string.Concat(operation.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Where(s => !s.StartsWith('{'))
            .Select(Naming.Pascal));
        var verb = operation.Method switch
        {
            "get" => ReturnsArray(operation) ? "List" : "Get",
            "post" => "Post",
            "put" => "Update",
            "delete" => "Delete",
            "patch" => "Patch",
            var other => Naming.Pascal(other),
        };
        return verb + literal;
    }

    private bool ReturnsArray(OperationModel operation)
    {
        var schema = ResponseSchema(operation, out _);
        return schema is { } s && operation.Document.Resolve(s) is var resolved && SchemaType.Of(resolved) == "array";
    }

    private static List<string> PathVariables(string path) =>
        System.Text.RegularExpressions.Regex.Matches(path, @"\{([^{}]+)\}").Select(m => m.Groups[1].Value).ToList();

    /// <summary>
    /// The operation's parameters plus one path parameter for every <c>{variable}</c> of the path template the document
    /// forgot to declare (OVH sometimes lists it only as a body property): Refit would otherwise fail the call at run
    /// time, so the method takes the value instead, typed by <see cref="Clients.OpenApi.UndeclaredPathVariables"/> (the
    /// same-named scalar property of the body or response, else a string) — the rule the strict emulator checks too.
    /// </summary>
    private static IEnumerable<JsonElement> WithUndeclaredPathVariables(OperationModel operation)
    {
        var declared = operation.Parameters
            .Where(p => TypeCatalog.Text(p, "in") == "path")
            .Select(p => TypeCatalog.Text(p, "name") ?? string.Empty);
        var all = new List<JsonElement>(operation.Parameters);
        foreach (var (variable, schema) in Clients.OpenApi.UndeclaredPathVariables.Infer(PathVariables(operation.Path), declared, operation.Operation, operation.Document.Resolve))
        {
            var synthetic = new Dictionary<string, object>
            {
                ["name"] = variable,
                ["in"] = "path",
                ["required"] = true,
                ["description"] = $"The '{variable}' path variable (used in the path template but not declared by the document).",
                ["schema"] = schema,
            };
            all.Add(JsonSerializer.SerializeToElement(synthetic));
        }

        return all;
    }

    private static List<string> PathParameters(string path) =>
        path.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]).ToList();

    private void EmitMethod(CodeWriter writer, OperationModel operation, string name)
    {
        var document = operation.Document;
        var op = operation.Operation;
        var file = "Models/" + operation.Interface[1..] + ".g.cs";
        var summary = TypeCatalog.Text(op, "summary");
        var description = TypeCatalog.Text(op, "description");
        writer.DocSummary(summary ?? description ?? $"{operation.Method.ToUpperInvariant()} {operation.Path}");
        if (summary is not null && description is not null && description != summary)
        {
            writer.DocTag("remarks", string.Empty, description);
        }

        var required = new List<string>();
        var optional = new List<string>();
        var multipartMethod = false;
        var usedNames = new HashSet<string>(StringComparer.Ordinal) { "cancellationToken" };
        var pathOrder = PathVariables(operation.Path);
        foreach (var parameter in WithUndeclaredPathVariables(operation)
                     .OrderBy(p => TypeCatalog.Text(p, "in") == "path" ? 0 : 1)
                     .ThenBy(p => TypeCatalog.Text(p, "in") == "path" ? pathOrder.IndexOf(TypeCatalog.Text(p, "name") ?? string.Empty) : 0))
        {
            var wire = TypeCatalog.Text(parameter, "name") ?? "value";
            var location = TypeCatalog.Text(parameter, "in");
            if (location == "header" && provider.RuntimeHeaders.Contains(wire, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (location == "cookie")
            {
                continue;
            }

            var csName = UniqueParameter(usedNames, wire);
            var isRequired = location == "path" || (parameter.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True);
            var schema = parameter.TryGetProperty("schema", out var s) ? s : default;
            // An object-valued query parameter (OVH's `iamTags` map) has no form encoding Refit can produce without its
            // reflection request builder: it is sent as the JSON text the provider expects, which the caller supplies.
            var objectInQuery = location == "query" && IsObjectSchema(document, schema);
            var type = schema.ValueKind == JsonValueKind.Object && !objectInQuery
                ? location == "query" && HasUntypedItems(document, schema)
                    // Items without a type (`items: {}`) would map to JsonElement, which a query string cannot carry
                    // (Refit's RF006): a query value is text, so the caller passes text.
                    ? new TypeRef("global::System.Collections.Generic.IReadOnlyList<string>", false, IsCollection: true)
                    : catalog.Map(schema, document, name + Naming.Pascal(wire), file)
                : new TypeRef("string", false);
            var attributes = new List<string>();
            var bare = csName.TrimStart('@');
            switch (location)
            {
                case "path":
                    if (bare != wire)
                    {
                        attributes.Add($"global::Refit.AliasAs({Naming.Literal(wire)})");
                    }

                    break;
                case "header":
                    attributes.Add($"global::Refit.Header({Naming.Literal(wire)})");
                    break;
                default:
                    // Values are formatted by Clients.Core's WireUrlParameterFormatter (ISO dates, lowercase booleans,
                    // enum wire values), never by a per-parameter format string.
                    if (type.IsCollection)
                    {
                        attributes.Add($"global::Refit.Query(global::Refit.CollectionFormat.{QueryCollectionFormat(parameter)})");
                    }

                    if (bare != wire)
                    {
                        attributes.Add($"global::Refit.AliasAs({Naming.Literal(wire)})");
                    }

                    break;
            }

            var prefix = attributes.Count == 0 ? string.Empty : "[" + string.Join(", ", attributes) + "] ";
            var parameterDoc = TypeCatalog.Text(parameter, "description") ?? $"The '{wire}' {location} parameter.";
            writer.DocTag("param", $" name=\"{bare}\"", objectInQuery ? parameterDoc + " (a JSON object, serialized by the caller)" : parameterDoc);
            if (isRequired)
            {
                required.Add(prefix + type.Cs + " " + csName);
            }
            else
            {
                optional.Add(prefix + type.Nullable(true) + " " + csName + " = default");
            }
        }

        if (op.TryGetProperty("requestBody", out var bodyElement))
        {
            var body = document.Resolve(bodyElement);
            var bodyRequired = body.TryGetProperty("required", out var br) && br.ValueKind == JsonValueKind.True;
            if (MediaSchema(body, "multipart/form-data") is { } multipart && JsonContent(body) is null)
            {
                multipartMethod = true;
                AddParts(writer, document, name, file, multipart, bodyRequired, usedNames, required, optional);
            }
            else
            {
                AddBody(writer, document, name, file, body, bodyRequired, usedNames, required, optional);
            }
        }
        writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        var responseSchema = ResponseSchema(operation, out var isText);
        string returnType;
        if (responseSchema is { } rs)
        {
            var mapped = catalog.Map(rs, document, name + "Response", file);
            roots.Add(mapped.Cs);
            returnType = $"global::System.Threading.Tasks.Task<{mapped.Cs}>";
        }
        else if (isText)
        {
            returnType = "global::System.Threading.Tasks.Task<string>";
        }
        else
        {
            returnType = "global::System.Threading.Tasks.Task";
        }

        if (op.TryGetProperty("deprecated", out var deprecated) && deprecated.ValueKind == JsonValueKind.True)
        {
            var message = "Deprecated by the provider";
            if (TypeCatalog.Text(op, "x-deprecation-date") is { } date)
            {
                message += " since " + date;
            }

            if (TypeCatalog.Text(op, "x-replacement-route") is { } replacement)
            {
                message += "; use " + replacement;
            }

            writer.Line($"[global::System.Obsolete({Naming.Literal(message + ".")})]");
        }

        var verb = operation.Method switch
        {
            "get" => "Get",
            "post" => "Post",
            "put" => "Put",
            "delete" => "Delete",
            "patch" => "Patch",
            "head" => "Head",
            _ => "Options",
        };
        if (multipartMethod)
        {
            writer.Line("[global::Refit.Multipart]");
        }

        writer.Line($"[global::Refit.{verb}({Naming.Literal(operation.RefitPath)})]");
        var all = required.Concat(optional).Append("global::System.Threading.CancellationToken cancellationToken = default");
        writer.Line($"{returnType} {name}Async({string.Join(", ", all)});");
    }

    private static string UniqueParameter(HashSet<string> used, string wire)
    {
        var candidate = Naming.Camel(wire);
        var name = candidate;
        for (var i = 2; IsRefitLocal(name) || !used.Add(name.TrimStart('@')); i++)
        {
            name = candidate + i.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    // Refit's generated stub declares its locals as `refit…` (refitSettings, refitRequest, refitQueryBuilder…) in the
    // same scope as the parameters: a parameter never takes such a name (the numbered one it gets instead has a digit,
    // which Refit's locals never have). (Its fields, `_settings` and `Client`, are
    // names a camelCase parameter cannot have.)
    private static bool IsRefitLocal(string name) =>
        name.Length > 5 && name.StartsWith("refit", StringComparison.Ordinal) && char.IsAsciiLetterUpper(name[5]) && name.All(char.IsAsciiLetter);

    private void AddBody(CodeWriter writer, SpecDocument document, string name, string file, JsonElement body, bool bodyRequired,
        HashSet<string> usedNames, List<string> required, List<string> optional)
    {
        var bodyName = UniqueParameter(usedNames, "body");
        var bodyAttribute = "[global::Refit.Body] ";
        string bodyType;
        if (JsonContent(body) is null && MediaSchema(body, "application/x-www-form-urlencoded") is { } form)
        {
            // Refit sends the contract's properties (named by their JSON names) as form fields, formatted by
            // Clients.Core's WireFormUrlEncodedParameterFormatter.
            var mapped = catalog.Map(form, document, name + "Request", file);
            bodyType = bodyRequired ? mapped.Cs : mapped.Nullable(true);
            bodyAttribute = "[global::Refit.Body(global::Refit.BodySerializationMethod.UrlEncoded)] ";
            writer.DocTag("param", $" name=\"{bodyName.TrimStart('@')}\"", TypeCatalog.Text(body, "description") ?? "The request body, sent as form fields.");
        }
        else if (JsonContent(body) is { } bodySchema)
        {
            var mapped = catalog.Map(bodySchema, document, name + "Request", file);
            roots.Add(mapped.Cs);
            bodyType = bodyRequired ? mapped.Cs : mapped.Nullable(true);
            writer.DocTag("param", $" name=\"{bodyName.TrimStart('@')}\"", TypeCatalog.Text(body, "description") ?? "The request body.");
        }
        else
        {
            bodyType = bodyRequired ? "global::System.Net.Http.HttpContent" : "global::System.Net.Http.HttpContent?";
            writer.DocTag("param", $" name=\"{bodyName.TrimStart('@')}\"", "The request body, already encoded.");
        }

        var declaration = bodyAttribute + bodyType + " " + bodyName;
        if (bodyRequired)
        {
            required.Add(declaration);
        }
        else
        {
            optional.Add(declaration + " = default");
        }
    }

    /// <summary>
    /// A <c>multipart/form-data</c> body as one parameter per part: a binary part (<c>format: binary</c>) takes any
    /// Refit <c>MultipartItem</c> (<c>StreamPart</c>, <c>ByteArrayPart</c>, <c>FileInfoPart</c>), a list of them for an
    /// array of binaries; other parts are typed as their schema says (Refit writes strings, dates and numbers as text, an
    /// object as a JSON part).
    /// </summary>
    private void AddParts(CodeWriter writer, SpecDocument document, string name, string file, JsonElement schema, bool bodyRequired,
        HashSet<string> usedNames, List<string> required, List<string> optional)
    {
        var resolved = document.Resolve(schema);
        var requiredParts = resolved.TryGetProperty("required", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        if (!resolved.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var part in properties.EnumerateObject())
        {
            var partSchema = document.Resolve(part.Value);
            var csName = UniqueParameter(usedNames, part.Name);
            var bare = csName.TrimStart('@');
            TypeRef type;
            if (IsBinary(partSchema))
            {
                type = new TypeRef("global::Refit.MultipartItem", false);
            }
            else if (TypeCatalog.Text(partSchema, "type") == "array" && partSchema.TryGetProperty("items", out var items) && IsBinary(document.Resolve(items)))
            {
                type = new TypeRef("global::System.Collections.Generic.IEnumerable<global::Refit.MultipartItem>", false);
            }
            else
            {
                type = catalog.Map(part.Value, document, name + Naming.Pascal(part.Name), file);
                roots.Add(type.Cs);
            }

            var prefix = bare == part.Name ? string.Empty : $"[global::Refit.AliasAs({Naming.Literal(part.Name)})] ";
            writer.DocTag("param", $" name=\"{bare}\"", TypeCatalog.Text(partSchema, "description") ?? $"The '{part.Name}' part.");
            if (bodyRequired && requiredParts.Contains(part.Name))
            {
                required.Add(prefix + type.Cs + " " + csName);
            }
            else
            {
                optional.Add(prefix + type.Nullable(true) + " " + csName + " = default");
            }
        }
    }

    private static bool IsBinary(JsonElement schema) =>
        TypeCatalog.Text(schema, "type") == "string" && TypeCatalog.Text(schema, "format") == "binary";

    private static JsonElement? MediaSchema(JsonElement container, string mediaType)
    {
        if (container.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object)
        {
            foreach (var media in content.EnumerateObject())
            {
                if (media.Name.StartsWith(mediaType, StringComparison.OrdinalIgnoreCase) && media.Value.TryGetProperty("schema", out var schema))
                {
                    return schema;
                }
            }
        }

        return null;
    }

    private static JsonElement? JsonContent(JsonElement container)
    {
        if (!container.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var media in content.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            if ((media.Name.Contains("json", StringComparison.OrdinalIgnoreCase) || media.Name == "*/*")
                && media.Value.TryGetProperty("schema", out var schema))
            {
                return schema;
            }
        }

        return null;
    }

    private static JsonElement? ResponseSchema(OperationModel operation, out bool isText)
    {
        isText = false;
        if (!operation.Operation.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var response in responses.EnumerateObject()
                     .Where(r => r.Name.StartsWith('2'))
                     .OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var resolved = operation.Document.Resolve(response.Value);
            if (JsonContent(resolved) is { } schema)
            {
                return schema;
            }

            if (resolved.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object
                && content.EnumerateObject().Any(m => m.Name.StartsWith("text/", StringComparison.Ordinal)))
            {
                isText = true;
            }

            return null;
        }

        return null;
    }

    // How a query array goes on the wire, as its style and explode say (OpenAPI 3: form, exploded by default; a
    // Swagger 2.0 `collectionFormat` arrives upgraded: csv → form without explode, ssv → spaceDelimited, pipes →
    // pipeDelimited, multi → form exploded): one name per value (Multi), or one name with the values joined.
    private static string QueryCollectionFormat(JsonElement parameter)
    {
        var style = TypeCatalog.Text(parameter, "style") ?? "form";
        var explode = parameter.TryGetProperty("explode", out var e) ? e.ValueKind == JsonValueKind.True : style == "form";
        return (style, explode) switch
        {
            (_, true) => "Multi",
            ("spaceDelimited", false) => "Ssv",
            ("pipeDelimited", false) => "Pipes",
            _ => "Csv",
        };
    }

    private static bool HasUntypedItems(SpecDocument document, JsonElement schema)
    {
        var resolved = document.Resolve(schema);
        if (SchemaType.Of(resolved) != "array" || !resolved.TryGetProperty("items", out var items))
        {
            return false;
        }

        var item = document.Resolve(items);
        return item.ValueKind == JsonValueKind.Object
            && SchemaType.Of(item) is null
            && !item.TryGetProperty("$ref", out _) && !item.TryGetProperty("enum", out _)
            && !item.TryGetProperty("allOf", out _) && !item.TryGetProperty("oneOf", out _) && !item.TryGetProperty("anyOf", out _)
            && !item.TryGetProperty("properties", out _);
    }

    private static bool IsObjectSchema(SpecDocument document, JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var resolved = document.Resolve(schema);
        return SchemaType.Of(resolved) == "object"
            || resolved.TryGetProperty("additionalProperties", out _)
            || resolved.TryGetProperty("properties", out _);
    }
}

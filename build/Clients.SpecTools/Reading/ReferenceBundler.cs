using System.Text;
using System.Text.Json.Nodes;

namespace Clients.SpecTools.Reading;

/// <summary>
/// Brings the targets of local external <c>$ref</c>s (<c>./schemas/pet.yaml</c>, <c>common.json#/components/schemas/Error</c>)
/// into the document: schemas, parameters, responses (and, in OpenAPI 3, request bodies and headers) become components named
/// after the fragment's last segment or the file (a clash gets the file's name in front, then a number); anything else (a
/// path item) is inlined. References inside a bundled file are followed the same way, relative to that file. A remote
/// <c>$ref</c> (<c>http://</c>, <c>https://</c>) is refused with its value and place.
/// </summary>
internal sealed class ReferenceBundler
{
    private static readonly HashSet<string> SchemaKeywords = new(StringComparer.Ordinal)
    {
        "schema", "items", "additionalProperties", "not", "additionalItems", "contains", "propertyNames", "if", "then", "else",
    };

    private static readonly HashSet<string> SchemaLists = new(StringComparer.Ordinal) { "allOf", "oneOf", "anyOf", "prefixItems" };

    private static readonly HashSet<string> SchemaMaps = new(StringComparer.Ordinal)
    {
        "properties", "definitions", "schemas", "patternProperties", "$defs", "dependentSchemas",
    };

    private readonly JsonObject _root;
    private readonly bool _swagger2;
    private readonly Func<string, byte[]?>? _load;
    private readonly Dictionary<string, JsonObject> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _imported = new(StringComparer.Ordinal);

    private ReferenceBundler(JsonObject root, bool swagger2, Func<string, byte[]?>? load)
    {
        _root = root;
        _swagger2 = swagger2;
        _load = load;
    }

    /// <summary>Bundles in place; returns the files read, relative to the document.</summary>
    public static IReadOnlyList<string> Bundle(JsonObject root, bool swagger2, Func<string, byte[]?>? load)
    {
        var bundler = new ReferenceBundler(root, swagger2, load);
        bundler.Walk(root, string.Empty, null, null, null, 0);
        return [.. bundler._files.Keys.Order(StringComparer.Ordinal)];
    }

    /// <param name="node">The node to walk.</param>
    /// <param name="pointer">Its JSON pointer in its file.</param>
    /// <param name="file">The bundled file it belongs to, or null for the document itself.</param>
    /// <param name="kind">What a <c>$ref</c> at this node names (schemas, parameters…), or null (inline it).</param>
    /// <param name="mapOf">When the node is a map (<c>properties</c>, <c>responses</c>…), the key that holds it.</param>
    /// <param name="depth">Nesting depth, bounded.</param>
    private void Walk(JsonNode? node, string pointer, string? file, string? kind, string? mapOf, int depth)
    {
        if (depth > 200)
        {
            throw new SpecReadException($"the document nests deeper than 200 levels at {pointer}", pointer);
        }

        if (node is JsonArray array)
        {
            var itemKind = mapOf switch
            {
                "parameters" => "parameters",
                _ when mapOf is not null && SchemaLists.Contains(mapOf) => "schemas",
                _ => null,
            };
            for (var i = 0; i < array.Count; i++)
            {
                Walk(array[i], pointer + "/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), file, itemKind, null, depth + 1);
            }

            return;
        }

        if (node is not JsonObject obj)
        {
            return;
        }

        if (obj["$ref"] is JsonValue referenceValue && referenceValue.TryGetValue<string>(out var reference)
            && (file is not null || !reference.StartsWith('#')))
        {
            var target = Resolve(reference, pointer, file, kind);
            if (target.Inline is { } inline)
            {
                // A path item (or anything without a components section): its content replaces the reference.
                obj.Remove("$ref");
                foreach (var (name, value) in inline)
                {
                    obj[name] ??= value?.DeepClone();
                }

                Walk(obj, pointer, target.File, kind, mapOf, depth + 1);
                return;
            }

            obj["$ref"] = target.Local;
        }

        foreach (var (name, child) in obj.ToList())
        {
            // Values, not descriptions (unless this object is a map: a property or a response may be named "default").
            if (name == "$ref" || (mapOf is null && (name is "example" or "examples" or "default" or "enum" or "const" || name.StartsWith("x-", StringComparison.Ordinal))))
            {
                continue;
            }

            var childPointer = pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
            string? childKind = mapOf switch
            {
                not null when SchemaMaps.Contains(mapOf) => "schemas",
                "parameters" => "parameters",
                "responses" => "responses",
                "requestBodies" => "requestBodies",
                "headers" => "headers",
                _ => name switch
                {
                    "requestBody" => "requestBodies",
                    _ when SchemaKeywords.Contains(name) => "schemas",
                    _ => null,
                },
            };
            var childIsMap = mapOf is null || !SchemaMaps.Contains(mapOf)
                ? name is "properties" or "definitions" or "schemas" or "patternProperties" or "$defs" or "dependentSchemas" or "parameters" or "responses" or "requestBodies" or "headers" or "allOf" or "oneOf" or "anyOf" or "prefixItems"
                : false;
            Walk(child, childPointer, file, childKind, childIsMap ? name : null, depth + 1);
        }
    }

    private (string? Local, JsonObject? Inline, string? File) Resolve(string reference, string pointer, string? file, string? kind)
    {
        var where = (file is null ? string.Empty : " in " + file) + " at " + (pointer.Length == 0 ? "/" : pointer);
        if (reference.Contains("://", StringComparison.Ordinal) || reference.StartsWith("//", StringComparison.Ordinal))
        {
            throw new SpecReadException(
                $"remote $ref '{reference}'{where}: only files next to the document are read (download it next to the document and refer to it by a relative path)",
                pointer);
        }

        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? string.Empty : Uri.UnescapeDataString(reference[(hash + 1)..]);
        var targetFile = path.Length == 0 ? file! : Combine(file, path);
        if (targetFile is null)
        {
            throw new SpecReadException($"unresolvable $ref '{reference}'{where}", pointer);
        }

        var fileRoot = Load(targetFile, reference, where, pointer);
        var target = Pointer(fileRoot, fragment)
            ?? throw new SpecReadException($"$ref '{reference}'{where}: {targetFile} has no '{(fragment.Length == 0 ? "/" : fragment)}'", pointer);
        var section = SectionOf(fragment) ?? kind;
        if (section is null || (_swagger2 && section is not ("schemas" or "parameters" or "responses")))
        {
            return (null, target as JsonObject ?? throw new SpecReadException($"$ref '{reference}'{where} names a {target.GetValueKind().ToString().ToLowerInvariant()}, not an object", pointer), targetFile);
        }

        var key = targetFile + "#" + fragment;
        if (_imported.TryGetValue(key, out var local))
        {
            return (local, null, null);
        }

        var container = Container(section);
        var baseName = Sanitize(fragment.Length > 0 ? LastSegment(fragment) : Capitalized(Stem(targetFile)));
        var name = baseName;
        if (container.ContainsKey(name))
        {
            name = Sanitize(Stem(targetFile)) + "_" + baseName;
            for (var i = 2; container.ContainsKey(name); i++)
            {
                name = Sanitize(Stem(targetFile)) + "_" + baseName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        local = (_swagger2 ? "#/" + (section == "schemas" ? "definitions" : section) : "#/components/" + section) + "/" + Escape(name);
        _imported[key] = local;
        var copy = target.DeepClone();
        container[name] = copy;
        Walk(copy, fragment, targetFile, section, null, 1);
        return (local, null, null);
    }

    private JsonObject Load(string file, string reference, string where, string pointer)
    {
        if (_files.TryGetValue(file, out var cached))
        {
            return cached;
        }

        if (_load is null)
        {
            throw new SpecReadException($"external $ref '{reference}'{where}: the document was not read from a local file, so no file next to it can be read (bundle it into one document)", pointer);
        }

        var bytes = _load(file) ?? throw new SpecReadException($"external $ref '{reference}'{where}: the file {file} (relative to the document) does not exist", pointer);
        try
        {
            var detected = TextDecoding.Detect(bytes);
            var (root, _) = SpecReader.ParseText(TextDecoding.Decode(bytes, detected));
            _files[file] = root;
            return root;
        }
        catch (SpecReadException exception)
        {
            throw new SpecReadException($"{file} (named by $ref '{reference}'{where}): {exception.Message}", pointer, exception);
        }
    }

    private JsonObject Container(string section)
    {
        JsonObject parent;
        string name;
        if (_swagger2)
        {
            parent = _root;
            name = section == "schemas" ? "definitions" : section;
        }
        else
        {
            if (_root["components"] is not JsonObject components)
            {
                _root["components"] = components = new JsonObject();
            }

            parent = components;
            name = section;
        }

        if (parent[name] is not JsonObject container)
        {
            parent[name] = container = new JsonObject();
        }

        return container;
    }

    private static string? SectionOf(string fragment)
    {
        var segments = fragment.Trim('/').Split('/');
        return segments switch
        {
            ["components", var section, _] when section is "schemas" or "parameters" or "responses" or "requestBodies" or "headers" => section,
            ["definitions", _] => "schemas",
            ["parameters", _] => "parameters",
            ["responses", _] => "responses",
            _ => null,
        };
    }

    private static JsonNode? Pointer(JsonObject root, string fragment)
    {
        JsonNode? current = root;
        if (fragment.Length == 0 || fragment == "/")
        {
            return current;
        }

        foreach (var raw in fragment.TrimStart('/').Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current switch
            {
                JsonObject o => o[segment],
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => null,
            };
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>A path relative to the document's folder, '/'-separated, <c>.</c> and <c>..</c> folded.</summary>
    private static string? Combine(string? file, string relative)
    {
        var parts = new List<string>();
        if (file is not null)
        {
            parts.AddRange(file.Split('/')[..^1]);
        }

        foreach (var segment in relative.Replace('\\', '/').Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(segment);
            }
        }

        return parts.Count == 0 ? null : string.Join('/', parts);
    }

    private static string LastSegment(string fragment) =>
        fragment.TrimEnd('/').Split('/')[^1].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static string Stem(string file)
    {
        var name = file.Split('/')[^1];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 ? name[..dot] : name;
    }

    /// <summary>A file's stem as a type-like name: <c>pet.yaml</c> → <c>Pet</c>.</summary>
    private static string Capitalized(string stem) => stem.Length == 0 ? stem : char.ToUpperInvariant(stem[0]) + stem[1..];

    /// <summary>Component keys must match <c>^[a-zA-Z0-9.\-_]+$</c>.</summary>
    private static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        return builder.Length == 0 ? "_" : builder.ToString();
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}

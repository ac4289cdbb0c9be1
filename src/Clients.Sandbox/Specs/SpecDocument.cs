using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Clients.Sandbox.Specs;

/// <summary>
/// A parsed OpenAPI 3.x document: its operations by path template, its server base path, and local <c>$ref</c>
/// resolution. Immutable, safe to share between emulators and threads.
/// </summary>
internal sealed class SpecDocument
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
    private readonly Dictionary<int, List<SpecRoute>> _routesBySegmentCount = [];
    private readonly JsonDocument _document;

    private SpecDocument(string identity, JsonDocument document)
    {
        Identity = identity;
        _document = document;
        Root = document.RootElement;
        if (Root.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"{identity}: an OpenAPI document is a JSON object.");
        }

        if (!Root.TryGetProperty("openapi", out var version) || version.GetString() is not { } text || !text.StartsWith("3.", StringComparison.Ordinal))
        {
            throw new ArgumentException($"{identity}: not an OpenAPI 3.x document (no \"openapi\": \"3.x\" member); convert a Swagger 2.0 or YAML document to OpenAPI 3.x JSON first.");
        }

        BasePath = ReadBasePath(Root);
        if (Root.TryGetProperty("paths", out var paths) && paths.ValueKind == JsonValueKind.Object)
        {
            foreach (var path in paths.EnumerateObject())
            {
                var item = Resolve(path.Value);
                if (item.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var route = new SpecRoute(path.Name);
                var shared = item.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Array ? p : default;
                foreach (var method in Methods)
                {
                    if (item.TryGetProperty(method, out var operation) && operation.ValueKind == JsonValueKind.Object)
                    {
                        route.Add(new SpecOperation(method.ToUpperInvariant(), route, operation, MergeParameters(shared, operation), RequestBodyOf(operation), SuccessOf(operation)));
                        OperationCount++;
                    }
                }

                if (!_routesBySegmentCount.TryGetValue(route.Segments.Length, out var list))
                {
                    _routesBySegmentCount[route.Segments.Length] = list = [];
                }

                list.Add(route);
            }
        }

        foreach (var list in _routesBySegmentCount.Values)
        {
            list.Sort((a, b) => b.Specificity.CompareTo(a.Specificity));
        }
    }

    /// <summary>Names the document (a path, a resource name) in messages.</summary>
    public string Identity { get; }

    public JsonElement Root { get; }

    /// <summary>The path of the first server's URL (<c>/v1</c> for <c>https://{instance}/v1</c>), without a trailing slash; empty when none.</summary>
    public string BasePath { get; }

    public int OperationCount { get; }

    public IEnumerable<SpecRoute> Routes => _routesBySegmentCount.Values.SelectMany(static list => list);

    public IEnumerable<SpecOperation> Operations => Routes.SelectMany(static r => r.Operations.Values);

    /// <summary>
    /// Reads a document in any form the project reads (Swagger 2.0 upgraded, OpenAPI 3.0/3.1, JSON or YAML, any byte-order
    /// mark) through the one document reader RegenClients uses, so the emulator serves what the generator generated from.
    /// </summary>
    /// <param name="identity">Names the document in messages.</param>
    /// <param name="content">The document's bytes.</param>
    /// <exception cref="ArgumentException">The document cannot be read (the message says why and where).</exception>
    public static SpecDocument Load(string identity, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            var read = Clients.SpecTools.Reading.SpecReader.Read(content, identity);
            return new SpecDocument(identity, read.Document);
        }
        catch (Clients.SpecTools.Reading.SpecReadException exception)
        {
            throw new ArgumentException($"{identity}: {exception.Message}", exception);
        }
    }

    /// <summary>Parses a document given as a JSON element.</summary>
    public static SpecDocument Load(string identity, JsonElement document) =>
        new(identity, JsonDocument.Parse(document.GetRawText()));

    /// <summary>
    /// Finds the most specific route matching <paramref name="rawSegments"/> (literal segments beat parameters). Among
    /// routes that match, one declaring <paramref name="method"/> wins: templates that differ only in their variables'
    /// names (<c>/teams/{teamId}/repos/{owner}/{repo}</c> and <c>/teams/{id}/repos/{org}/{repo}</c>) are one path on the
    /// wire, and a server answers each method with the operation that declares it.
    /// </summary>
    /// <param name="rawSegments">The raw (still percent-encoded) path segments.</param>
    /// <param name="method">The upper-case HTTP method, or <see langword="null"/> for the most specific route whatever its methods.</param>
    /// <param name="values">The matched route's decoded path values.</param>
    public SpecRoute? Match(string[] rawSegments, string? method, out Dictionary<string, string> values)
    {
        values = [];
        if (!_routesBySegmentCount.TryGetValue(rawSegments.Length, out var candidates))
        {
            return null;
        }

        SpecRoute? first = null;
        Dictionary<string, string>? firstValues = null;
        foreach (var route in candidates)
        {
            if (!route.TryMatch(rawSegments, out var matched))
            {
                continue;
            }

            if (method is null || route.Operations.ContainsKey(method))
            {
                values = matched;
                return route;
            }

            if (first is null)
            {
                first = route;
                firstValues = matched;
            }
        }

        values = firstValues ?? [];
        return first;
    }

    /// <summary>Matches a raw request path (the base path already removed): <c>/pets/42</c>.</summary>
    public SpecRoute? Match(string rawPath, string? method, out Dictionary<string, string> values) =>
        Match(rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries), method, out values);

    /// <summary>Follows <c>$ref</c> chains (local JSON pointers) and single-element <c>allOf</c> wrappers without siblings.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        for (var guard = 0; guard < 32; guard++)
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                return schema;
            }

            if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } text && TryResolvePointer(text, out var target))
            {
                schema = target;
                continue;
            }

            if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array && allOf.GetArrayLength() == 1
                && !schema.TryGetProperty("properties", out _))
            {
                schema = allOf[0];
                continue;
            }

            return schema;
        }

        return schema;
    }

    /// <summary>The <c>$ref</c> of <paramref name="schema"/>, when it is a reference.</summary>
    public static bool TryGetRef(JsonElement schema, out string reference)
    {
        reference = "";
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var value) && value.ValueKind == JsonValueKind.String)
        {
            reference = value.GetString()!;
            return true;
        }

        return false;
    }

    /// <summary>The last segment of a reference: <c>Pet</c> for <c>#/components/schemas/Pet</c>.</summary>
    public static string RefName(string reference) => reference[(reference.LastIndexOf('/') + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    /// <summary>Resolves a local JSON pointer (<c>#/components/schemas/Pet</c>).</summary>
    public bool TryResolvePointer(string reference, out JsonElement target)
    {
        target = default;
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return false;
        }

        var current = Root;
        foreach (var raw in reference[2..].Split('/'))
        {
            var token = Uri.UnescapeDataString(raw).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                return false;
            }
        }

        target = current;
        return true;
    }

    private IReadOnlyList<JsonElement> MergeParameters(JsonElement shared, JsonElement operation)
    {
        var merged = new List<JsonElement>();
        void Add(JsonElement list)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                return;
            }

            foreach (var raw in list.EnumerateArray())
            {
                var parameter = Resolve(raw);
                if (parameter.ValueKind != JsonValueKind.Object || !parameter.TryGetProperty("name", out var name) || !parameter.TryGetProperty("in", out var location))
                {
                    continue;
                }

                merged.RemoveAll(p => p.GetProperty("name").GetString() == name.GetString() && p.GetProperty("in").GetString() == location.GetString());
                merged.Add(parameter);
            }
        }

        Add(shared);
        Add(operation.TryGetProperty("parameters", out var own) ? own : default);
        return merged;
    }

    private JsonElement? RequestBodyOf(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && Resolve(body) is { ValueKind: JsonValueKind.Object } resolved ? resolved : null;

    private SpecSuccess SuccessOf(JsonElement operation)
    {
        if (!operation.TryGetProperty("responses", out var responses) || responses.ValueKind != JsonValueKind.Object)
        {
            return new SpecSuccess(200, null, null);
        }

        var candidates = responses.EnumerateObject()
            .Where(static r => r.Name.Length == 3 && r.Name[0] == '2')
            .OrderBy(static r => r.Name, StringComparer.Ordinal)
            .Concat(responses.EnumerateObject().Where(static r => r.Name is "2XX" or "2xx" or "default"))
            .ToList();
        if (candidates.Count == 0)
        {
            return new SpecSuccess(200, null, null);
        }

        var chosen = candidates[0];
        var status = int.TryParse(chosen.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 200;
        var response = Resolve(chosen.Value);
        if (response.ValueKind != JsonValueKind.Object || !response.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            return new SpecSuccess(status, null, null);
        }

        var media = content.EnumerateObject().OrderBy(static m => IsJson(m.Name) ? 0 : 1).FirstOrDefault();
        if (media.Value.ValueKind != JsonValueKind.Object)
        {
            return new SpecSuccess(status, null, null);
        }

        return new SpecSuccess(status, media.Name, media.Value.TryGetProperty("schema", out var schema) ? schema : null);
    }

    /// <summary>Whether a media type carries JSON (<c>application/json</c>, <c>application/problem+json</c>, <c>text/json</c>, <c>*/*</c>).</summary>
    public static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.EndsWith("/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase) || type == "*/*";
    }

    private static string ReadBasePath(JsonElement root)
    {
        if (!root.TryGetProperty("servers", out var servers) || servers.ValueKind != JsonValueKind.Array || servers.GetArrayLength() == 0
            || !servers[0].TryGetProperty("url", out var url) || url.GetString() is not { } text)
        {
            return string.Empty;
        }

        if (servers[0].TryGetProperty("variables", out var variables) && variables.ValueKind == JsonValueKind.Object)
        {
            foreach (var variable in variables.EnumerateObject())
            {
                if (variable.Value.TryGetProperty("default", out var value) && value.GetString() is { } replacement)
                {
                    text = text.Replace("{" + variable.Name + "}", replacement, StringComparison.Ordinal);
                }
            }
        }

        text = text.Replace("{", string.Empty, StringComparison.Ordinal).Replace("}", string.Empty, StringComparison.Ordinal);
        var path = Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri.AbsolutePath
            : text.StartsWith('/') ? text : string.Empty;
        return Uri.UnescapeDataString(path).TrimEnd('/');
    }
}

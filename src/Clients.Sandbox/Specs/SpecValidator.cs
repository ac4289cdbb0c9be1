using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Clients.Sandbox.Specs;

/// <summary>
/// Checks a call against its operation, strictly: path, query and header parameters (required ones present; each
/// value — each item of an array, split by the parameter's style — of the declared type and format, in the enum,
/// within bounds and pattern), and the body (required when the document says so, of a declared media type; JSON
/// validated against the whole schema: types, formats, enums, required properties, arrays, <c>allOf</c>/<c>oneOf</c>/
/// <c>anyOf</c>, <c>additionalProperties: false</c>; form fields and multipart parts present and typed).
/// Returns null when the call fits, else the message of the 400 answer.
/// </summary>
internal static partial class SpecValidator
{
    private const int MaxDepth = 64;

    public static async ValueTask<string?> ValidateAsync(SpecDocument document, SpecOperation operation, IReadOnlyDictionary<string, string> pathValues, IQueryCollection query, IHeaderDictionary? headers, string? contentType, byte[] body, bool futureSubtypes = false)
    {
        var missing = new List<string>();
        foreach (var parameter in operation.Parameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var location = parameter.GetProperty("in").GetString();
            var required = location == "path" || (parameter.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True);
            var schema = parameter.TryGetProperty("schema", out var declared) ? document.Resolve(declared)
                : parameter.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object ? default
                : parameter;
            var isArray = schema.ValueKind == JsonValueKind.Object && SpecSynthesizer.TypeOf(schema) == "array";
            var isObject = schema.ValueKind == JsonValueKind.Object && SpecSynthesizer.TypeOf(schema) == "object";
            var style = parameter.TryGetProperty("style", out var s) ? s.GetString() : null;
            var explode = parameter.TryGetProperty("explode", out var e) ? e.ValueKind == JsonValueKind.True : style is null or "form";
            List<string> values;
            switch (location)
            {
                case "path":
                    values = pathValues.TryGetValue(name, out var p) ? [p] : [];
                    break;
                case "query":
                    if (isObject && (style == "deepObject" || explode))
                    {
                        // An object spread over several names (deepObject: name[key]=value; form+explode: key=value).
                        var present = style == "deepObject" ? query.Keys.Any(k => k.StartsWith(name + "[", StringComparison.Ordinal)) : query.Count > 0;
                        if (!present && required)
                        {
                            missing.Add(name);
                        }

                        continue;
                    }

                    values = query.TryGetValue(name, out var q) ? [.. q.Where(static v => v is not null).Select(static v => v!)] : [];
                    break;
                case "header":
                    if (name.Equals("Accept", StringComparison.OrdinalIgnoreCase) || name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
                        || name.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || headers is null)
                    {
                        continue;
                    }

                    values = headers.TryGetValue(name, out var h) ? [.. h.Where(static v => v is not null).Select(static v => v!)] : [];
                    break;
                default:
                    continue;
            }

            if (values.Count == 0)
            {
                if (required)
                {
                    missing.Add(name);
                }

                continue;
            }

            if (schema.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var itemSchema = schema;
            if (isArray)
            {
                itemSchema = schema.TryGetProperty("items", out var items) ? document.Resolve(items) : default;
                var separator = (location, style) switch
                {
                    ("query", "spaceDelimited") => " ",
                    ("query", "pipeDelimited") => "|",
                    ("query", _) when explode => null,
                    _ => ",",
                };
                if (separator is not null && location == "query" && values.Count > 1)
                {
                    // `?ids=1&ids=2` where the document says `?ids=1,2` (a Swagger 2.0 csv array, style form without
                    // explode): many servers read only the first or the last value.
                    return $"[{name}] Given data ({string.Join("&", values.Select(v => name + "=" + v))}) is repeated, but the document joins the values in one (style {style ?? "form"}, explode false: {name}={string.Join(separator, values)})";
                }

                if (separator is not null)
                {
                    values = [.. values.SelectMany(v => v.Split(separator))];
                }
            }
            else if (values.Count > 1 && location == "query")
            {
                return $"[{name}] Given data ({string.Join(",", values)}) is repeated but is not an array";
            }

            foreach (var value in values)
            {
                if (CheckValue(document, itemSchema, name, value) is { } problem)
                {
                    return problem;
                }
            }
        }

        // A path variable the document uses without declaring it: typed by the rule the generated client follows.
        var declaredPath = operation.Parameters
            .Where(static p => p.GetProperty("in").GetString() == "path")
            .Select(static p => p.GetProperty("name").GetString()!);
        foreach (var (name, schema) in Clients.OpenApi.UndeclaredPathVariables.Infer(pathValues.Keys, declaredPath, operation.Element, document.Resolve))
        {
            if (pathValues.TryGetValue(name, out var value) && CheckValue(document, schema, name, value) is { } problem)
            {
                return problem;
            }
        }

        if (missing.Count > 0)
        {
            return "Missing parameter(s): " + string.Join(", ", missing);
        }

        return operation.RequestBody is { } requestBody ? await ValidateBodyAsync(document, requestBody, contentType, body, futureSubtypes).ConfigureAwait(false) : null;
    }

    /// <summary>Checks one text value (a path segment, a query or header value, a form field) against a scalar schema.</summary>
    public static string? CheckValue(SpecDocument document, JsonElement schema, string name, string value)
    {
        schema = document.Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
            {
                string? first = null;
                foreach (var choice in choices.EnumerateArray())
                {
                    var problem = CheckValue(document, choice, name, value);
                    if (problem is null)
                    {
                        return null;
                    }

                    first ??= problem;
                }

                return first;
            }
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            foreach (var allowed in values.EnumerateArray())
            {
                if (allowed.ValueKind == JsonValueKind.String ? allowed.GetString() == value : allowed.GetRawText() == value)
                {
                    return null;
                }
            }

            return $"[{name}] Given data ({value}) does not belong to the enumeration";
        }

        var type = SpecSynthesizer.TypeOf(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var (ok, expected) = (type, format) switch
        {
            ("integer", _) => (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) || IsBigInteger(value), "integer"),
            ("number", _) => (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _), "number"),
            ("boolean", _) => (value is "true" or "false", "boolean"),
            ("string", _) => CheckStringFormat(format, value),
            _ => (true, type),
        };
        if (!ok)
        {
            return $"[{name}] Given data ({value}) is not a valid {expected}";
        }

        if (type is "integer" or "number" && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return CheckBounds(schema, name, value, number);
        }

        return type == "string" ? CheckString(schema, name, value) : null;
    }

    private static bool IsBigInteger(string value) =>
        value.Length > 0 && value.TrimStart('-').Length > 0 && value.TrimStart('-').All(char.IsAsciiDigit);

    private static (bool Ok, string? Expected) CheckStringFormat(string? format, string value) => format switch
    {
        "date" => (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), "date"),
        "date-time" => (IsIsoDateTime(value), "datetime"),
        "uuid" => (Guid.TryParse(value, out _), "uuid"),
        _ => (true, "string"),
    };

    private static string? CheckBounds(JsonElement schema, string name, string value, double number)
    {
        var below = schema.TryGetProperty("minimum", out var minimum) && minimum.ValueKind == JsonValueKind.Number
                    && (number < minimum.GetDouble() || (number == minimum.GetDouble() && schema.TryGetProperty("exclusiveMinimum", out var exMin) && exMin.ValueKind == JsonValueKind.True));
        below |= schema.TryGetProperty("exclusiveMinimum", out var exclusiveMin) && exclusiveMin.ValueKind == JsonValueKind.Number && number <= exclusiveMin.GetDouble();
        var above = schema.TryGetProperty("maximum", out var maximum) && maximum.ValueKind == JsonValueKind.Number
                    && (number > maximum.GetDouble() || (number == maximum.GetDouble() && schema.TryGetProperty("exclusiveMaximum", out var exMax) && exMax.ValueKind == JsonValueKind.True));
        above |= schema.TryGetProperty("exclusiveMaximum", out var exclusiveMax) && exclusiveMax.ValueKind == JsonValueKind.Number && number >= exclusiveMax.GetDouble();
        return below || above ? $"[{name}] Given data ({value}) is out of the allowed range" : null;
    }

    private static string? CheckString(JsonElement schema, string name, string value)
    {
        if (schema.TryGetProperty("minLength", out var minLength) && minLength.TryGetInt32(out var min) && value.Length < min)
        {
            return $"[{name}] Given data ({value}) is shorter than {min} characters";
        }

        if (schema.TryGetProperty("maxLength", out var maxLength) && maxLength.TryGetInt32(out var max) && value.Length > max)
        {
            return $"[{name}] Given data ({value}) is longer than {max} characters";
        }

        if (schema.TryGetProperty("pattern", out var pattern) && pattern.GetString() is { } text && Pattern(text) is { } regex && !regex.IsMatch(value))
        {
            return $"[{name}] Given data ({value}) does not match the pattern {text}";
        }

        return null;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    private static Regex? Pattern(string pattern) => Patterns.GetOrAdd(pattern, static p =>
    {
        try
        {
            return new Regex(p, RegexOptions.CultureInvariant | RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            try
            {
                return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                // A pattern .NET cannot read is not checked.
                return null;
            }
        }
    });

    /// <summary>ISO 8601 / RFC 3339: <c>2024-01-15T10:00:00+00:00</c>, <c>...Z</c>, fractions, or a bare date.</summary>
    private static bool IsIsoDateTime(string value) =>
        IsoDateTime().IsMatch(value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();

    private static async ValueTask<string?> ValidateBodyAsync(SpecDocument document, JsonElement requestBody, string? contentType, byte[] body, bool futureSubtypes)
    {
        var required = requestBody.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
        if (body.Length == 0)
        {
            return required ? "Missing parameter(s): request body" : null;
        }

        if (!requestBody.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object || !content.EnumerateObject().Any())
        {
            return null;
        }

        var media = MatchMedia(content, contentType);
        if (media is null)
        {
            return $"Unsupported content type ({contentType ?? "none"}): the operation takes {string.Join(", ", content.EnumerateObject().Select(static m => m.Name))}";
        }

        var (mediaType, mediaObject) = media.Value;
        var schema = mediaObject.TryGetProperty("schema", out var s) ? s : default;
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        if (SpecDocument.IsJson(type) && type != "*/*" || (type == "*/*" && (contentType is null || SpecDocument.IsJson(contentType))))
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                return schema.ValueKind == JsonValueKind.Object ? ValidateJson(document, schema, json.RootElement, "", optional: false, depth: 0, futureSubtypes) : null;
            }
            catch (JsonException)
            {
                return "Invalid JSON body";
            }
        }

        if (type == "application/x-www-form-urlencoded")
        {
            var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
            return ValidateFields(document, schema, fields.ToDictionary(static f => f.Key, static f => f.Value.Select(static v => v ?? string.Empty).ToList(), StringComparer.Ordinal), binary: []);
        }

        if (type == "multipart/form-data" && contentType is not null)
        {
            return await ValidateMultipartAsync(document, schema, contentType, body).ConfigureAwait(false);
        }

        return null;
    }

    private static (string Name, JsonElement Media)? MatchMedia(JsonElement content, string? contentType)
    {
        var requested = contentType?.Split(';')[0].Trim();
        var declared = content.EnumerateObject().Select(static m => (m.Name, m.Value)).ToList();
        if (string.IsNullOrEmpty(requested))
        {
            // No Content-Type: JSON when the operation takes it, else whatever it takes first.
            return declared.Where(static m => SpecDocument.IsJson(m.Name)).Select(static m => ((string, JsonElement)?)m).FirstOrDefault() ?? declared[0];
        }

        foreach (var (name, value) in declared)
        {
            var type = name.Split(';')[0].Trim();
            if (type.Equals(requested, StringComparison.OrdinalIgnoreCase) || type == "*/*"
                || (type.EndsWith("/*", StringComparison.Ordinal) && requested.StartsWith(type[..^1], StringComparison.OrdinalIgnoreCase)))
            {
                return (name, value);
            }
        }

        // JSON sent where a JSON flavour is declared (application/json for application/merge-patch+json, text/json).
        if (SpecDocument.IsJson(requested))
        {
            foreach (var (name, value) in declared)
            {
                if (SpecDocument.IsJson(name))
                {
                    return (name, value);
                }
            }
        }

        return null;
    }

    private static async ValueTask<string?> ValidateMultipartAsync(SpecDocument document, JsonElement schema, string contentType, byte[] body)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var header) || HeaderUtilities.RemoveQuotes(header.Boundary).Value is not { Length: > 0 } boundary)
        {
            return "Invalid multipart body: no boundary";
        }

        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var binary = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = new MultipartReader(boundary, new MemoryStream(body));
            while (await reader.ReadNextSectionAsync().ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { } name)
                {
                    continue;
                }

                if (disposition.FileName.HasValue || disposition.FileNameStar.HasValue)
                {
                    binary.Add(name);
                    continue;
                }

                using var text = new StreamReader(section.Body, Encoding.UTF8);
                if (!fields.TryGetValue(name, out var list))
                {
                    fields[name] = list = [];
                }

                list.Add(await text.ReadToEndAsync().ConfigureAwait(false));
            }
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException)
        {
            return "Invalid multipart body: " + exception.Message;
        }

        return ValidateFields(document, schema, fields, binary);
    }

    private static string? ValidateFields(SpecDocument document, JsonElement schema, Dictionary<string, List<string>> fields, HashSet<string> binary)
    {
        schema = document.Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var (properties, required) = Shape(document, schema, 0);
        var missing = required.Where(n => !fields.ContainsKey(n) && !binary.Contains(n) && !IsReadOnly(document, properties.GetValueOrDefault(n))).ToList();
        if (missing.Count > 0)
        {
            return "Missing parameter(s): " + string.Join(", ", missing);
        }

        foreach (var (name, values) in fields)
        {
            if (!properties.TryGetValue(name, out var property))
            {
                continue;
            }

            var resolved = document.Resolve(property);
            var itemSchema = SpecSynthesizer.TypeOf(resolved) == "array" && resolved.TryGetProperty("items", out var items) ? items : resolved;
            if (SpecSynthesizer.TypeOf(document.Resolve(itemSchema)) is "object")
            {
                continue;
            }

            foreach (var value in values)
            {
                if (CheckValue(document, itemSchema, name, value) is { } problem)
                {
                    return problem;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Validates a JSON value against a schema; <paramref name="path"/> names the value in messages (empty at the root).
    /// <paramref name="futureSubtypes"/>: a value whose discriminator names no subtype of the document is checked against
    /// the hierarchy's base, properties the document does not know allowed (see <see cref="SpecSandboxOptions.FutureSubtypes"/>).
    /// <paramref name="composite"/>: when the schema is a part of an <c>allOf</c>, the property names of the whole (a
    /// Swashbuckle-style base says <c>additionalProperties: false</c> about its own properties, not its subtypes').
    /// </summary>
    public static string? ValidateJson(SpecDocument document, JsonElement schema, JsonElement value, string path, bool optional, int depth, bool futureSubtypes = false, IReadOnlySet<string>? composite = null)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        schema = document.Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var label = path.Length == 0 ? "body" : path;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return optional || AcceptsNull(document, schema) ? null : $"[{label}] Given data (null) is not nullable";
        }

        var isUnion = schema.TryGetProperty("oneOf", out _) || schema.TryGetProperty("anyOf", out _);
        if (!isUnion && composite is null && Tagged(schema, value) is { } tagged)
        {
            // The base of a hierarchy given a value of it: checked as the subtype its discriminator names.
            var subtype = Subtype(document, tagged.Discriminator, tagged.Tag);
            if (subtype is { } chosen && !JsonElement.DeepEquals(chosen, schema))
            {
                return ValidateJson(document, chosen, value, path, optional, depth + 1, futureSubtypes);
            }

            if (subtype is null && futureSubtypes)
            {
                // A subtype the document does not know yet: what the base says, plus any properties.
                return ValidateJson(document, schema, value, path, optional, depth + 1, futureSubtypes, Names(value));
            }
        }

        if (schema.TryGetProperty("allOf", out var allOf) && allOf.ValueKind == JsonValueKind.Array)
        {
            IReadOnlySet<string> whole = composite is null
                ? Shape(document, schema, 0).Properties.Keys.ToHashSet(StringComparer.Ordinal)
                : [.. composite, .. Shape(document, schema, 0).Properties.Keys];
            foreach (var part in allOf.EnumerateArray())
            {
                if (ValidateJson(document, part, value, path, optional, depth + 1, futureSubtypes, whole) is { } problem)
                {
                    return problem;
                }
            }
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var choices) && choices.ValueKind == JsonValueKind.Array && choices.GetArrayLength() > 0)
            {
                if (Discriminated(document, schema, value) is { } chosen)
                {
                    if (ValidateJson(document, chosen, value, path, optional, depth + 1, futureSubtypes) is { } problem)
                    {
                        return problem;
                    }
                }
                else if (futureSubtypes && Tagged(schema, value) is { } unknown && Subtype(document, unknown.Discriminator, unknown.Tag) is null)
                {
                    // A subtype the document does not know yet: checked against the base the alternatives share (the
                    // allOf part that carries the same discriminator), properties the document does not know allowed.
                    if (SharedBase(document, choices, unknown.Name) is { } shared
                        && ValidateJson(document, shared, value, path, optional, depth + 1, futureSubtypes, Names(value)) is { } problem)
                    {
                        return problem;
                    }
                }
                else
                {
                    string? first = null;
                    foreach (var choice in choices.EnumerateArray())
                    {
                        var problem = ValidateJson(document, choice, value, path, optional, depth + 1, futureSubtypes);
                        if (problem is null)
                        {
                            first = null;
                            break;
                        }

                        first ??= problem;
                    }

                    if (first is not null)
                    {
                        return $"[{label}] Given data matches none of the {keyword} alternatives ({first})";
                    }
                }
            }
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
            && !values.EnumerateArray().Any(allowed => JsonEquals(allowed, value)))
        {
            return $"[{label}] Given data ({Short(value)}) does not belong to the enumeration";
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonEquals(constant, value))
        {
            return $"[{label}] Given data ({Short(value)}) is not the constant {constant.GetRawText()}";
        }

        var type = TypesOf(schema);
        if (type.Count == 0 && (schema.TryGetProperty("properties", out _) || schema.TryGetProperty("required", out _)))
        {
            type = ["object"];
        }

        if (type.Count > 0 && !type.Any(t => Fits(t, value)))
        {
            return $"[{label}] Given data ({Short(value)}) is not a valid {string.Join(" or ", type)}";
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
                var (ok, expected) = CheckStringFormat(format, text);
                return ok ? CheckString(schema, label, text) : $"[{label}] Given data ({text}) is not a valid {expected}";
            case JsonValueKind.Number:
                return CheckBounds(schema, label, value.GetRawText(), value.GetDouble());
            case JsonValueKind.Array:
                if (schema.TryGetProperty("minItems", out var minItems) && minItems.TryGetInt32(out var min) && value.GetArrayLength() < min)
                {
                    return $"[{label}] Given data has fewer than {min} items";
                }

                if (schema.TryGetProperty("maxItems", out var maxItems) && maxItems.TryGetInt32(out var max) && value.GetArrayLength() > max)
                {
                    return $"[{label}] Given data has more than {max} items";
                }

                if (schema.TryGetProperty("items", out var items))
                {
                    var i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        if (ValidateJson(document, items, item, $"{path}[{i++}]", optional: false, depth + 1, futureSubtypes) is { } problem)
                        {
                            return problem;
                        }
                    }
                }

                return null;
            case JsonValueKind.Object:
                return ValidateObject(document, schema, value, path, depth, futureSubtypes, composite);
            default:
                return null;
        }
    }

    private static string? ValidateObject(SpecDocument document, JsonElement schema, JsonElement value, string path, int depth, bool futureSubtypes, IReadOnlySet<string>? composite)
    {
        var prefix = path.Length == 0 ? "" : path + ".";
        if (schema.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array)
        {
            var declared = schema.TryGetProperty("properties", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
            var missing = names.EnumerateArray().Select(static n => n.GetString()!)
                .Where(n => !value.TryGetProperty(n, out _))
                .Where(n => declared.ValueKind != JsonValueKind.Object || !declared.TryGetProperty(n, out var property) || !IsReadOnly(document, property))
                .Select(n => prefix + n)
                .ToList();
            if (missing.Count > 0)
            {
                return "Missing parameter(s): " + string.Join(", ", missing);
            }
        }

        var properties = schema.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        var requiredNames = schema.TryGetProperty("required", out var rn) && rn.ValueKind == JsonValueKind.Array
            ? rn.EnumerateArray().Select(static n => n.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var member in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var property))
            {
                if (ValidateJson(document, property, member.Value, prefix + member.Name, optional: !requiredNames.Contains(member.Name), depth + 1, futureSubtypes) is { } problem)
                {
                    return problem;
                }
            }
            else if (additional.ValueKind == JsonValueKind.False && composite?.Contains(member.Name) != true && !InAllOf(document, schema, member.Name))
            {
                return $"[{prefix + member.Name}] Unknown property: the schema allows no other properties";
            }
            else if (additional.ValueKind == JsonValueKind.Object
                     && ValidateJson(document, additional, member.Value, prefix + member.Name, optional: true, depth + 1, futureSubtypes) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static bool InAllOf(SpecDocument document, JsonElement schema, string name) =>
        Shape(document, schema, 0).Properties.ContainsKey(name);

    /// <summary>The alternative a discriminator names, when the schema has one and the value carries it.</summary>
    private static JsonElement? Discriminated(SpecDocument document, JsonElement schema, JsonElement value) =>
        Tagged(schema, value) is { } tagged ? Subtype(document, tagged.Discriminator, tagged.Tag) : null;

    /// <summary>The schema's discriminator and the value's tag, when the schema has one and the value carries it as a string.</summary>
    private static (JsonElement Discriminator, string Name, string Tag)? Tagged(JsonElement schema, JsonElement value)
    {
        if (!schema.TryGetProperty("discriminator", out var discriminator) || value.ValueKind != JsonValueKind.Object
            || !discriminator.TryGetProperty("propertyName", out var property) || property.GetString() is not { } name
            || !value.TryGetProperty(name, out var tag) || tag.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return (discriminator, name, tag.GetString()!);
    }

    /// <summary>The schema a discriminator value names: its mapping, else the component of that name; null when neither exists.</summary>
    private static JsonElement? Subtype(SpecDocument document, JsonElement discriminator, string tag)
    {
        var target = discriminator.TryGetProperty("mapping", out var mapping) && mapping.ValueKind == JsonValueKind.Object
                     && mapping.TryGetProperty(tag, out var mapped) ? mapped.GetString() : null;
        target ??= "#/components/schemas/" + tag;
        if (!target.StartsWith("#/", StringComparison.Ordinal))
        {
            target = "#/components/schemas/" + target;
        }

        return document.TryResolvePointer(target, out var chosen) ? chosen : null;
    }

    /// <summary>
    /// The base of a hierarchy the alternatives of a <c>oneOf</c>/<c>anyOf</c> derive from: an <c>allOf</c> part of the
    /// first alternative with a discriminator on the same property, that every alternative has; null when there is none.
    /// </summary>
    private static JsonElement? SharedBase(SpecDocument document, JsonElement choices, string propertyName)
    {
        static IEnumerable<JsonElement> Parts(SpecDocument document, JsonElement alternative) =>
            document.Resolve(alternative) is { ValueKind: JsonValueKind.Object } resolved && resolved.TryGetProperty("allOf", out var parts) && parts.ValueKind == JsonValueKind.Array
                ? parts.EnumerateArray().Select(document.Resolve).Where(static p => p.ValueKind == JsonValueKind.Object)
                : [];

        var alternatives = choices.EnumerateArray().ToList();
        foreach (var candidate in Parts(document, alternatives[0]))
        {
            if (candidate.TryGetProperty("discriminator", out var discriminator) && discriminator.TryGetProperty("propertyName", out var name)
                && name.GetString() == propertyName
                && alternatives.Skip(1).All(a => Parts(document, a).Any(p => JsonElement.DeepEquals(p, candidate))))
            {
                return candidate;
            }
        }

        return null;
    }

    private static HashSet<string> Names(JsonElement value) =>
        value.EnumerateObject().Select(static m => m.Name).ToHashSet(StringComparer.Ordinal);

    private static bool Fits(string type, JsonElement value) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && (value.TryGetInt64(out _) || (value.TryGetDecimal(out var d) && d == decimal.Truncate(d)) || IsBigInteger(value.GetRawText())),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => true,
    };

    private static List<string> TypesOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return [];
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => [type.GetString()!],
            JsonValueKind.Array => [.. type.EnumerateArray().Select(static t => t.GetString()!).Where(static t => t is not null)],
            _ => [],
        };
    }

    private static bool AcceptsNull(SpecDocument document, JsonElement schema)
    {
        if ((schema.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True) || TypesOf(schema).Contains("null"))
        {
            return true;
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.EnumerateArray().Any(static v => v.ValueKind == JsonValueKind.Null))
        {
            return true;
        }

        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(keyword, out var choices) && choices.ValueKind == JsonValueKind.Array
                && choices.EnumerateArray().Any(c => AcceptsNull(document, document.Resolve(c))))
            {
                return true;
            }
        }

        // No type at all: anything goes.
        return !schema.TryGetProperty("type", out _) && !schema.TryGetProperty("properties", out _) && !schema.TryGetProperty("allOf", out _)
               && !schema.TryGetProperty("oneOf", out _) && !schema.TryGetProperty("anyOf", out _) && !schema.TryGetProperty("enum", out _);
    }

    private static bool IsReadOnly(SpecDocument document, JsonElement property) =>
        property.ValueKind == JsonValueKind.Object && document.Resolve(property) is { ValueKind: JsonValueKind.Object } resolved
        && ((resolved.TryGetProperty("readOnly", out var r) && r.ValueKind == JsonValueKind.True)
            || (property.TryGetProperty("readOnly", out var own) && own.ValueKind == JsonValueKind.True));

    private static bool JsonEquals(JsonElement left, JsonElement right) =>
        left.ValueKind == JsonValueKind.Number && right.ValueKind == JsonValueKind.Number
            ? left.GetDouble().Equals(right.GetDouble())
            : JsonElement.DeepEquals(left, right);

    private static string Short(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return text.Length > 60 ? text[..60] + "…" : text;
    }

    /// <summary>The declared properties and required names of an object schema, <c>allOf</c> parts merged.</summary>
    private static (Dictionary<string, JsonElement> Properties, HashSet<string> Required) Shape(SpecDocument document, JsonElement schema, int depth)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var required = new HashSet<string>(StringComparer.Ordinal);
        void Collect(JsonElement part, int level)
        {
            part = document.Resolve(part);
            if (part.ValueKind != JsonValueKind.Object || level > 16)
            {
                return;
            }

            if (part.TryGetProperty("allOf", out var parts) && parts.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in parts.EnumerateArray())
                {
                    Collect(item, level + 1);
                }
            }

            if (part.TryGetProperty("properties", out var declared) && declared.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in declared.EnumerateObject())
                {
                    properties[property.Name] = property.Value;
                }
            }

            if (part.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array)
            {
                foreach (var name in names.EnumerateArray())
                {
                    if (name.GetString() is { } text)
                    {
                        required.Add(text);
                    }
                }
            }
        }

        Collect(schema, depth);
        return (properties, required);
    }
}

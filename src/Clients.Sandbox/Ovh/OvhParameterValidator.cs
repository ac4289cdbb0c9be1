using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// Checks a call's path and query parameters and its body against the operation in the document:
/// required query parameters present, integers/numbers/booleans parse, dates are <c>yyyy-MM-dd</c> and
/// date-times ISO 8601 (each value of a repeated query array too), enum values belong to the enum,
/// a required body is present, is JSON, and carries the schema's required properties; a path variable the operation
/// does not declare fits the type <c>Clients.OpenApi.UndeclaredPathVariables</c> gives it.
/// </summary>
internal static partial class OvhParameterValidator
{
    /// <summary>Returns null when the call fits the operation, else the message of the 400 answer.</summary>
    public static string? Validate(OvhSpecDocument document, JsonElement operation, IReadOnlyDictionary<string, string> pathValues, IQueryCollection query, byte[] body)
    {
        var missing = new List<string>();
        if (operation.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Array)
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                var name = parameter.GetProperty("name").GetString()!;
                var location = parameter.GetProperty("in").GetString();
                var required = parameter.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
                if (location is not ("path" or "query"))
                {
                    continue;
                }

                IReadOnlyList<string> values = location == "path"
                    ? pathValues.TryGetValue(name, out var p) ? [p] : []
                    : query.TryGetValue(name, out var q) ? q.Where(static v => v is not null).Select(static v => v!).ToList() : [];
                if (values.Count == 0)
                {
                    if (required)
                    {
                        missing.Add(name);
                    }

                    continue;
                }

                if (parameter.TryGetProperty("schema", out var schema))
                {
                    // A query array is sent as repeated names (form, explode); each value is checked against the items.
                    var resolved = document.Resolve(schema);
                    var itemSchema = resolved.ValueKind == JsonValueKind.Object && resolved.TryGetProperty("type", out var at) && at.GetString() == "array"
                                     && resolved.TryGetProperty("items", out var items)
                        ? document.Resolve(items)
                        : resolved;
                    foreach (var value in values)
                    {
                        if (CheckValue(itemSchema, name, value) is { } problem)
                        {
                            return problem;
                        }
                    }
                }
            }
        }

        // A path variable the document uses without declaring it: typed by the rule the generated client follows.
        var declaredPath = parameters.ValueKind == JsonValueKind.Array
            ? parameters.EnumerateArray().Where(static p => p.GetProperty("in").GetString() == "path").Select(static p => p.GetProperty("name").GetString()!)
            : [];
        foreach (var (name, schema) in Clients.OpenApi.UndeclaredPathVariables.Infer(pathValues.Keys, declaredPath, operation, document.Resolve))
        {
            if (pathValues.TryGetValue(name, out var value) && CheckValue(schema, name, value) is { } problem)
            {
                return problem;
            }
        }

        if (missing.Count > 0)
        {
            return "Missing parameter(s): " + string.Join(", ", missing);
        }

        return operation.TryGetProperty("requestBody", out var requestBody) ? ValidateBody(document, requestBody, body) : null;
    }

    private static string? CheckValue(JsonElement schema, string name, string value)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
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

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        var (ok, expected) = (type, format) switch
        {
            ("integer", _) => (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _), "integer"),
            ("number", _) => (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _), "number"),
            ("boolean", _) => (value is "true" or "false", "boolean"),
            ("string", "date") => (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), "date"),
            ("string", "date-time") => (IsIsoDateTime(value), "datetime"),
            _ => (true, type),
        };
        return ok ? null : $"[{name}] Given data ({value}) is not a valid {expected}";
    }

    /// <summary>ISO 8601 / RFC 3339 as OVH reads it: <c>2024-01-15T10:00:00+00:00</c>, <c>...Z</c>, fractions, or a bare date.</summary>
    private static bool IsIsoDateTime(string value) =>
        IsoDateTime().IsMatch(value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex IsoDateTime();

    private static string? ValidateBody(OvhSpecDocument document, JsonElement requestBody, byte[] body)
    {
        var required = requestBody.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True;
        if (body.Length == 0)
        {
            return required ? "Missing parameter(s): request body" : null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !requestBody.TryGetProperty("content", out var content)
                || !content.TryGetProperty("application/json", out var media)
                || !media.TryGetProperty("schema", out var schema))
            {
                return null;
            }

            var resolved = document.Resolve(schema);
            if (resolved.ValueKind == JsonValueKind.Object && resolved.TryGetProperty("required", out var names) && names.ValueKind == JsonValueKind.Array)
            {
                var missing = names.EnumerateArray().Select(static n => n.GetString()!).Where(n => !json.RootElement.TryGetProperty(n, out _)).ToList();
                if (missing.Count > 0)
                {
                    return "Missing parameter(s): " + string.Join(", ", missing);
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return "Invalid JSON body";
        }
    }
}

using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Clients.Sandbox.Ovh;

/// <summary>
/// Checks a call's path and query parameters and its body against the operation in the document:
/// required query parameters present, integers/numbers/booleans parse, enum values belong to the enum,
/// a required body is present, is JSON, and carries the schema's required properties.
/// </summary>
internal static class OvhParameterValidator
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
                string? value = location switch
                {
                    "path" => pathValues.TryGetValue(name, out var p) ? p : null,
                    "query" => query.TryGetValue(name, out var q) ? q.ToString() : null,
                    _ => null,
                };
                if (location is not ("path" or "query"))
                {
                    continue;
                }

                if (value is null)
                {
                    if (required)
                    {
                        missing.Add(name);
                    }

                    continue;
                }

                if (parameter.TryGetProperty("schema", out var schema) && CheckValue(document.Resolve(schema), name, value) is { } problem)
                {
                    return problem;
                }
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
        var ok = type switch
        {
            "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "boolean" => value is "true" or "false",
            _ => true,
        };
        return ok ? null : $"[{name}] Given data ({value}) is not a valid {type}";
    }

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

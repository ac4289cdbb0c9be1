using System.Net;
using System.Text.Json;
using Clients.Sandbox.Ovh;
using FluentAssertions;

namespace Clients.Ovh.Tests.Sandbox;

/// <summary>
/// Calls every GET of one OVH document on the emulator (signed, path and required query parameters filled from the
/// schema) and checks each answer against the operation's response schema. Shared by the default tests (the
/// committed universes) and the catalogue sweep (every universe of the spec mirror).
/// </summary>
internal static class OvhGetSweep
{
    public static async Task<(int CheckedOperations, IReadOnlyList<string> Errors)> RunAsync(
        OvhSandbox sandbox, OvhTestSigner signer, string consumerKey, string version, string universe, byte[] documentBytes)
    {
        var baseUrl = version == "v1" ? sandbox.BaseUri.ToString().TrimEnd('/') : sandbox.V2BaseUri.ToString();
        using var document = JsonDocument.Parse(documentBytes);
        var validator = new OpenApiShapeValidator(document.RootElement.GetProperty("components").GetProperty("schemas"));
        var checkedOperations = 0;
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            // Answered from the emulator's real credentials (see Customer_ListsInspectsAndDeletesItsOwnCredentials).
            if (!path.Value.TryGetProperty("get", out var get) || path.Name.StartsWith("/me/api/credential/", StringComparison.Ordinal))
            {
                continue;
            }

            var url = baseUrl + FillPath(path.Name, get, document.RootElement) + RequiredQuery(get, document.RootElement);
            using var response = await signer.SendAsync(HttpMethod.Get, url, consumerKey);
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.OK, $"GET {url} answered {text}");
            using var json = JsonDocument.Parse(text);
            if (!get.GetProperty("responses").GetProperty("200").TryGetProperty("content", out var content))
            {
                text.Should().Be("null", "an operation without a result answers null");
                continue;
            }

            validator.Validate(json.RootElement, content.GetProperty("application/json").GetProperty("schema"), "GET " + path.Name);
            checkedOperations++;
        }

        return (checkedOperations, validator.Errors);
    }

    internal static string FillPath(string template, JsonElement operation, JsonElement root)
    {
        var parameters = operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
        foreach (var parameter in parameters.Where(static x => x.GetProperty("in").GetString() == "path"))
        {
            var name = parameter.GetProperty("name").GetString()!;
            template = template.Replace("{" + name + "}", Uri.EscapeDataString(SampleValue(parameter.GetProperty("schema"), root, "sample-" + name)), StringComparison.Ordinal);
        }

        return template;
    }

    internal static string SampleValue(JsonElement schema, JsonElement root, string fallback)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            schema = root.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!["#/components/schemas/".Length..]);
        }

        // Values the (strict) emulator accepts for the parameter's type and format, as the generated clients send them.
        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : null;
        if (type == "array" && schema.TryGetProperty("items", out var items))
        {
            return SampleValue(items, root, fallback);
        }

        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return schema.TryGetProperty("enum", out var values) ? values[0].ToString()
            : type == "integer" ? "7"
            : type == "number" ? "1.5"
            : type == "boolean" ? "true"
            : format == "date" ? "2024-01-15"
            : format == "date-time" ? "2024-01-15T10:00:00+00:00"
            : format == "uuid" ? "0b8d7a6e-4b1f-4c3e-9d2a-5f6e7a8b9c0d"
            : fallback;
    }

    internal static string RequiredQuery(JsonElement operation, JsonElement root)
    {
        var parts = new List<string>();
        if (operation.TryGetProperty("parameters", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateArray())
            {
                if (parameter.GetProperty("in").GetString() != "query" || !(parameter.TryGetProperty("required", out var r) && r.GetBoolean()))
                {
                    continue;
                }

                var value = SampleValue(parameter.GetProperty("schema"), root, "sample");
                parts.Add(parameter.GetProperty("name").GetString() + "=" + Uri.EscapeDataString(value));
            }
        }

        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

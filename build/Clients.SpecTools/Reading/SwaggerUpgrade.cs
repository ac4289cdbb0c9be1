using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Clients.SpecTools.Reading;

/// <summary>
/// Swagger 2.0 → OpenAPI 3.0 JSON, by Microsoft.OpenApi's reader (the 3.x model) and its V3 writer. Reading errors refuse
/// the document, except unknown members ("x is not a valid property": vendor fields without <c>x-</c>, which the upgrade
/// drops). Microsoft.OpenApi's validation rules (unique path signatures, component key spelling…) are not run: documents
/// that break them are common in the wild and generate fine. One upgrade at a time: Microsoft.OpenApi's Swagger 2.0
/// deserializer keeps the OAuth2 flow it is reading in static fields (<c>OpenApiV2Deserializer._flow</c>,
/// <c>_flowValue</c>), so two documents read at once on two threads can swap their flows.
/// </summary>
internal static class SwaggerUpgrade
{
    private static readonly Uri BaseUri = new("https://document.local/");
    private static readonly Lock Gate = new();
    private static readonly JsonSerializerOptions Written = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToOpenApi3(JsonObject root)
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false, RuleSet = ValidationRuleSet.GetEmptyRuleSet() };
        ReadResult result;
        lock (Gate)
        {
            result = new OpenApiJsonReader().Read(root, BaseUri, settings);
        }

        var errors = (result.Diagnostic?.Errors ?? []).Where(e => !e.Message.Contains(" is not a valid property", StringComparison.Ordinal)).ToList();
        if (errors.Count > 0 || result.Document is null)
        {
            var first = errors.Count > 0 ? errors[0] : new OpenApiError(string.Empty, "the Swagger 2.0 document could not be read");
            var more = errors.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (and {errors.Count - 1} more)") : string.Empty;
            var pointer = string.IsNullOrEmpty(first.Pointer) ? null : first.Pointer.TrimStart('#');
            throw new SpecReadException($"{first.Message}{(pointer is null ? string.Empty : " at " + pointer)}{more}", pointer);
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        result.Document.SerializeAsV3(new OpenApiJsonWriter(text, new OpenApiJsonWriterSettings { Terse = true }));
        var upgraded = JsonNode.Parse(text.ToString())!.AsObject();
        KeepJoinedQueryArrays(root, upgraded);
        return JsonSerializer.SerializeToUtf8Bytes(upgraded, Written);
    }

    /// <summary>
    /// Swagger 2.0's default <c>collectionFormat</c>, <c>csv</c> (<c>?ids=1,2</c>), is OpenAPI 3's query style <c>form</c>
    /// with <c>explode: false</c>; Microsoft.OpenApi's upgrade writes it as a plain <c>form</c> parameter, whose default
    /// is <c>explode: true</c> — <c>multi</c> (<c>?ids=1&amp;ids=2</c>), which many servers read as one value. Each query
    /// array of the original that is not <c>multi</c> (nor <c>ssv</c>/<c>pipes</c>, which the upgrade keeps as their
    /// styles) gets <c>style: form, explode: false</c> back: operation, path-item and document-level parameters.
    /// </summary>
    private static void KeepJoinedQueryArrays(JsonObject original, JsonObject upgraded)
    {
        if (original["parameters"] is JsonObject shared && upgraded["components"]?["parameters"] is JsonObject components)
        {
            foreach (var (key, parameter) in shared)
            {
                if (IsJoinedQueryArray(parameter) && components[key] is JsonObject target)
                {
                    Join(target);
                }
            }
        }

        if (original["paths"] is not JsonObject paths || upgraded["paths"] is not JsonObject upgradedPaths)
        {
            return;
        }

        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject source || upgradedPaths[path] is not JsonObject target)
            {
                continue;
            }

            Patch(source["parameters"], target);
            foreach (var (method, operation) in source)
            {
                if (operation is JsonObject sourceOperation && target[method] is JsonObject targetOperation && method != "parameters")
                {
                    Patch(sourceOperation["parameters"], targetOperation);
                }
            }
        }

        static void Patch(JsonNode? sourceParameters, JsonObject target)
        {
            if (sourceParameters is not JsonArray list || target["parameters"] is not JsonArray upgradedList)
            {
                return;
            }

            foreach (var parameter in list.Where(IsJoinedQueryArray))
            {
                var name = parameter!["name"]!.GetValue<string>();
                if (upgradedList.OfType<JsonObject>().FirstOrDefault(p => p["in"]?.GetValue<string>() == "query" && p["name"]?.GetValue<string>() == name) is { } upgradedParameter)
                {
                    Join(upgradedParameter);
                }
            }
        }
    }

    private static bool IsJoinedQueryArray(JsonNode? parameter) =>
        parameter is JsonObject p
        && p["in"] is JsonValue location && location.TryGetValue<string>(out var where) && where == "query"
        && p["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind == "array"
        && p["name"] is JsonValue name && name.TryGetValue<string>(out _)
        && (p["collectionFormat"] is not JsonValue format || (format.TryGetValue<string>(out var value) && value == "csv"));

    private static void Join(JsonObject parameter)
    {
        parameter["style"] ??= "form";
        parameter["explode"] = false;
    }
}

using System.Globalization;
using System.Text;
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
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

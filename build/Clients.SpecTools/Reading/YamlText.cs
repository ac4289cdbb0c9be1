using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi.YamlReader;
using SharpYaml;
using SharpYaml.Serialization;

namespace Clients.SpecTools.Reading;

/// <summary>Parses YAML text into the JSON tree (Microsoft.OpenApi.YamlReader's converter); errors name line and column.</summary>
internal static class YamlText
{
    public static JsonNode Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw new SpecReadException(
                string.Create(CultureInfo.InvariantCulture, $"not valid YAML at line {exception.Start.Line}, column {exception.Start.Column}: {Describe(exception)}"),
                null,
                exception);
        }

        if (stream.Documents.Count == 0)
        {
            throw new SpecReadException("the YAML text holds no document");
        }

        if (stream.Documents.Count > 1)
        {
            throw new SpecReadException(string.Create(CultureInfo.InvariantCulture, $"the YAML text holds {stream.Documents.Count} documents ('---' separated); a description is one document"));
        }

        try
        {
            return stream.Documents[0].ToJsonNode() ?? throw new SpecReadException("the YAML document is empty");
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or YamlException)
        {
            throw new SpecReadException("YAML that cannot be read as JSON: " + exception.Message, null, exception);
        }
    }

    private static string Describe(YamlException exception)
    {
        // SharpYaml prefixes its message with the position ("(Lin: 3, Col: 4, Chr: 40) - (…): "): keep the reason only.
        var message = exception.Message;
        var colon = message.IndexOf("): ", StringComparison.Ordinal);
        return colon >= 0 ? message[(colon + 3)..] : message;
    }
}

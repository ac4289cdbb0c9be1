using System.Text.Json;
using Clients.Regen.Model;
using Clients.SpecTools.Reading;

namespace Clients.Regen.Emit;

/// <summary>
/// A document read by <see cref="SpecReader"/> (any form: Swagger 2.0 upgraded, YAML, BOMs, local files bundled) as
/// OpenAPI 3.x JSON, with local <c>$ref</c> resolution.
/// </summary>
internal sealed class SpecDocument
{
    private const string SchemaPrefix = "#/components/schemas/";

    private SpecDocument(string provider, SpecInput input, JsonDocument json, SpecForm form)
    {
        Provider = provider;
        Input = input;
        Root = json.RootElement;
        Form = form;
    }

    /// <summary>What the document was before it was normalized (version, syntax, encoding, bundled files).</summary>
    public SpecForm Form { get; }

    public string Provider { get; }

    public SpecInput Input { get; }

    public JsonElement Root { get; }

    public static SpecDocument Parse(string provider, SpecInput input)
    {
        SpecReadResult read;
        try
        {
            var siblings = input.Directory is { } directory ? SiblingFiles.In(directory) : null;
            read = SpecReader.Read(input.Content, input.Source, siblings);
        }
        catch (SpecReadException ex)
        {
            throw new SpecException(provider, input.Source, ex.Message);
        }

        var document = new SpecDocument(provider, input, read.Document, read.Form);
        if (!read.Document.RootElement.TryGetProperty("paths", out var paths) || paths.ValueKind != JsonValueKind.Object)
        {
            throw new SpecException(provider, input.Source, "the document has no \"paths\" object");
        }

        return document;
    }

    public IEnumerable<KeyValuePair<string, JsonElement>> Schemas()
    {
        if (Root.TryGetProperty("components", out var components)
            && components.TryGetProperty("schemas", out var schemas)
            && schemas.ValueKind == JsonValueKind.Object)
        {
            foreach (var schema in schemas.EnumerateObject())
            {
                yield return new(schema.Name, schema.Value);
            }
        }
    }

    /// <summary>The component schema name a <c>$ref</c> names, or null when it points elsewhere.</summary>
    public static string? SchemaName(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object
            && element.TryGetProperty("$ref", out var reference)
            && reference.GetString() is { } text
            && text.StartsWith(SchemaPrefix, StringComparison.Ordinal)
            && text.IndexOf('/', SchemaPrefix.Length) < 0)
        {
            return Unescape(text[SchemaPrefix.Length..]);
        }

        return null;
    }

    /// <summary>Follows <c>$ref</c> chains to the element they name; errors name the broken reference.</summary>
    public JsonElement Resolve(JsonElement element)
    {
        for (var hops = 0; element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference); hops++)
        {
            if (hops > 32)
            {
                throw new SpecException(Provider, Input.Source, "$ref cycle at " + reference.GetString());
            }

            element = Pointer(reference.GetString() ?? string.Empty);
        }

        return element;
    }

    public JsonElement Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new SpecException(Provider, Input.Source, $"unresolvable $ref '{reference}' (only local references are supported)");
        }

        var current = Root;
        foreach (var raw in reference[2..].Split('/'))
        {
            var segment = Unescape(raw);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment, out current))
            {
                throw new SpecException(Provider, Input.Source, $"unresolvable $ref '{reference}'");
            }
        }

        return current;
    }

    private static string Unescape(string segment) =>
        Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}

using System.Text.Json;
using Clients.SpecTools.Internal;
using Clients.SpecTools.Reading;

namespace Clients.SpecTools;

/// <summary>
/// The semantic difference between two versions of a provider's documents, each change classed breaking or not.
/// <para><b>Identity.</b> Documents are matched by key. Operations are matched by <c>METHOD path</c> with path
/// parameter names blanked: renaming <c>{id}</c> to <c>{serviceName}</c> keeps the URL a client sends, so it is reported
/// as one non-breaking change of the operation ("path parameters renamed"), not as a removal plus an addition.
/// Path parameters are matched by position, other parameters by location and name. Named schemas are matched by name.</para>
/// <para><b>Breaking</b> means a caller or a client generated from the old document may break:</para>
/// <list type="bullet">
/// <item>removals (document, operation, parameter, success response, schema, property) are breaking;</item>
/// <item>additions are not, except what the caller must now send: a required parameter, a required request body,
/// a required request property;</item>
/// <item>for data the caller sends (parameters, request bodies): becoming required, no longer nullable, or losing an
/// enum value is breaking; the opposite is not;</item>
/// <item>for data the caller reads (success responses): no longer required or becoming nullable is breaking; the
/// opposite is not. Gaining an enum value is not breaking in either direction: the generated enums are open, so a
/// client generated from the old document keeps an unknown value instead of failing on it;</item>
/// <item>type, format and media type changes, and switching between an enum and its base type, are breaking;
/// <c>deprecated</c>, <c>operationId</c>, tag and path-parameter-name changes are reported as non-breaking.</item>
/// </list>
/// <para><b>Schemas and references.</b> Inline schemas are compared structurally. Two references to the same named
/// schema are not descended into: that schema is compared once on its own, its direction taken from every operation
/// that reaches it, transitively (request, response, or both; unreachable schemas count as both), and its changes list
/// the affected operations. References that change target are resolved and compared structurally, with a guard on
/// the pair of names being compared, so recursive schemas terminate. <c>readOnly</c> properties are never treated as
/// written by the caller, <c>writeOnly</c> ones never as read.</para>
/// <para><b>Not compared</b>: descriptions, summaries, examples, vendor extensions (<c>x-*</c>), error responses,
/// security requirements, servers and validation keywords (lengths, ranges, patterns). A document whose bytes changed
/// only there has no semantic changes.</para>
/// </summary>
public static class SpecDiff
{
    /// <summary>Compares two sets of documents of one provider.</summary>
    /// <param name="provider">The provider, named in the report.</param>
    /// <param name="before">The committed documents, keyed by document key (e.g. <c>v1/me</c>), as raw bytes.</param>
    /// <param name="after">The freshly pulled documents, keyed the same way.</param>
    /// <returns>The changes, ordered deterministically.</returns>
    /// <exception cref="InvalidDataException">A document cannot be read (see the reader: JSON or YAML, OpenAPI 3.0/3.1 or
    /// Swagger 2.0, which is compared as its OpenAPI 3.0 upgrade); the message names it.</exception>
    public static SpecDiffReport Compare(
        string provider,
        IReadOnlyDictionary<string, ReadOnlyMemory<byte>> before,
        IReadOnlyDictionary<string, ReadOnlyMemory<byte>> after)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);

        var changes = new List<SpecChange>();
        foreach (var key in before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var inBefore = before.TryGetValue(key, out var oldBytes);
            var inAfter = after.TryGetValue(key, out var newBytes);
            using var oldDocument = inBefore ? Parse(provider, key, "old", oldBytes) : null;
            using var newDocument = inAfter ? Parse(provider, key, "new", newBytes) : null;
            var oldModel = oldDocument is null ? null : Model(provider, key, "old", oldDocument);
            var newModel = newDocument is null ? null : Model(provider, key, "new", newDocument);
            if (oldModel is null)
            {
                changes.Add(new(SpecChangeKind.DocumentAdded, key, key, $"document added ({DocumentComparer.Summarize(newModel!)})", false));
            }
            else if (newModel is null)
            {
                changes.Add(new(SpecChangeKind.DocumentRemoved, key, key, $"document removed ({DocumentComparer.Summarize(oldModel)})", true));
            }
            else
            {
                DocumentComparer.Compare(key, oldModel, newModel, changes);
            }
        }

        changes.Sort(ChangeOrder.Instance);
        return new SpecDiffReport(provider, changes);
    }

    private static JsonDocument Parse(string provider, string key, string side, ReadOnlyMemory<byte> bytes)
    {
        // Every form the reader takes (Swagger 2.0 upgraded, YAML, UTF-16…) is compared as its OpenAPI 3 form, so a
        // document and its conversion have no semantic difference.
        try
        {
            return SpecReader.Read(bytes, key).Document;
        }
        catch (SpecReadException exception) when (exception.InnerException is JsonException json)
        {
            throw new InvalidDataException($"Cannot compare {provider} document '{key}' ({side} version): {JsonSyntaxError.Describe(json, ContentSniffer.StripBom(bytes).Span)}", exception);
        }
        catch (SpecReadException exception)
        {
            throw new InvalidDataException($"Cannot compare {provider} document '{key}' ({side} version): {exception.Message}", exception);
        }
    }

    private static SpecDocumentModel Model(string provider, string key, string side, JsonDocument document)
    {
        try
        {
            return SpecDocumentModel.Create(document.RootElement);
        }
        catch (InvalidDataException exception)
        {
            throw new InvalidDataException($"Cannot compare {provider} document '{key}' ({side} version): {exception.Message}", exception);
        }
    }
}

using System.Text.Json;

namespace Clients.SpecTools.Internal;

/// <summary>
/// One walk over the whole document that checks every <c>$ref</c>: local references must resolve, external ones are
/// refused (a pulled document must be self-contained). Each distinct reference is resolved once, so the walk stays
/// linear in the document's size even with thousands of references to the same schemas.
/// </summary>
internal sealed class LocalReferenceCheck
{
    private readonly JsonElement _root;
    private readonly Dictionary<string, bool> _resolved = new(StringComparer.Ordinal);
    private readonly List<Segment> _path = [];

    private LocalReferenceCheck(JsonElement root) => _root = root;

    public string? FirstProblem { get; private set; }

    public string? FirstPointer { get; private set; }

    public int ProblemCount { get; private set; }

    public static LocalReferenceCheck Run(JsonElement root)
    {
        var check = new LocalReferenceCheck(root);
        check.Walk(root, null);
        return check;
    }

    private void Walk(JsonElement element, string? name)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.NameEquals("$ref") && property.Value.ValueKind == JsonValueKind.String)
                    {
                        CheckReference(property.Value.GetString()!);
                        continue;
                    }

                    if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
                    {
                        continue;
                    }

                    // Literal values: an example or a vendor extension may contain anything, including "$ref" keys.
                    var propertyName = property.Name;
                    if (!OpenApiShape.IsLiteralValue(name, propertyName))
                    {
                        _path.Add(new Segment(property, -1));
                        Walk(property.Value, propertyName);
                        _path.RemoveAt(_path.Count - 1);
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        _path.Add(new Segment(default, index));
                        Walk(item, null);
                        _path.RemoveAt(_path.Count - 1);
                    }

                    index++;
                }

                break;
        }
    }

    private void CheckReference(string reference)
    {
        if (!_resolved.TryGetValue(reference, out var ok))
        {
            ok = reference.StartsWith('#') && JsonPointer.TryResolve(_root, reference, out _);
            _resolved[reference] = ok;
        }

        if (ok)
        {
            return;
        }

        ProblemCount++;
        if (FirstProblem is not null)
        {
            return;
        }

        FirstPointer = JsonPointer.Build(_path.Select(s => s.Index >= 0 ? s.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) : s.Property.Name));
        FirstProblem = reference.StartsWith('#')
            ? $"unresolvable $ref '{reference}' at {FirstPointer}: {MissingTarget(reference)}"
            : $"external $ref '{reference}' at {FirstPointer}: a pulled document must be self-contained";
    }

    private string MissingTarget(string reference)
    {
        // Name the deepest container that does exist, so "no schema 'X' under #/components/schemas" reads naturally.
        var slash = reference.LastIndexOf('/');
        if (slash > 1 && JsonPointer.TryResolve(_root, reference[..slash], out var parent) && parent.ValueKind == JsonValueKind.Object)
        {
            return $"'{JsonPointer.Unescape(reference[(slash + 1)..])}' does not exist under '{reference[..slash]}'";
        }

        return "the target does not exist in the document";
    }

    private readonly record struct Segment(JsonProperty Property, int Index);
}

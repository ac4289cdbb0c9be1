using System.Text;
using System.Text.Json;

namespace Clients.SpecTools.Internal;

/// <summary>
/// One forward pass over the document's bytes (<see cref="Utf8JsonReader"/>) that checks every <c>$ref</c>: local
/// references must resolve, external ones are refused (a pulled document must be self-contained). The pass allocates
/// nothing per node: the path to the current node is a stack of offsets into the input, turned into a JSON pointer only
/// when a problem is found. Each distinct reference is resolved once, schema references through a name set, so the
/// check stays linear in the document's size even with thousands of references to hundreds of schemas.
/// </summary>
internal sealed class LocalReferenceCheck
{
    private static readonly byte[][] NameMaps = OpenApiShape.NameMapKeywords.Select(Encoding.UTF8.GetBytes).ToArray();

    private readonly JsonElement _root;
    private readonly Dictionary<string, bool> _resolved = new(StringComparer.Ordinal);
    private readonly HashSet<string> _schemaNames = new(StringComparer.Ordinal);
    private readonly string _schemaPrefix;
    private Frame[] _frames = new Frame[64];
    private int _depth;

    private readonly bool _skipExternal;

    private LocalReferenceCheck(JsonElement root, SpecFormat format, bool skipExternal)
    {
        _root = root;
        _skipExternal = skipExternal;
        _schemaPrefix = format == SpecFormat.Swagger2 ? "#/definitions/" : "#/components/schemas/";
        var schemas = format == SpecFormat.Swagger2
            ? SpecDocumentModel.Property(root, "definitions")
            : SpecDocumentModel.Property(root, "components") is { } components ? SpecDocumentModel.Property(components, "schemas") : null;
        if (schemas is { ValueKind: JsonValueKind.Object } map)
        {
            foreach (var schema in map.EnumerateObject())
            {
                _schemaNames.Add(schema.Name);
            }
        }
    }

    public string? FirstProblem { get; private set; }

    public string? FirstPointer { get; private set; }

    public int ProblemCount { get; private set; }

    /// <summary>Checks the references of <paramref name="content"/>, already parsed into <paramref name="root"/>.</summary>
    /// <param name="content">The JSON text.</param>
    /// <param name="root">Its parsed root.</param>
    /// <param name="format">Swagger 2.0 or OpenAPI 3.</param>
    /// <param name="skipExternal">Leave references to other files alone (the reader bundles them, or refuses them).</param>
    public static LocalReferenceCheck Run(ReadOnlySpan<byte> content, JsonElement root, SpecFormat format, bool skipExternal = false)
    {
        var check = new LocalReferenceCheck(root, format, skipExternal);
        check.Walk(content);
        return check;
    }

    private void Walk(ReadOnlySpan<byte> content)
    {
        var reader = new Utf8JsonReader(content, new JsonReaderOptions { MaxDepth = 256 });
        var pendingReference = false;
        while (reader.Read())
        {
            var token = reader.TokenType;
            if (token == JsonTokenType.PropertyName)
            {
                ref var owner = ref _frames[_depth - 1];
                owner.NameStart = (int)reader.TokenStartIndex + 1;
                owner.NameLength = reader.HasValueSequence ? 0 : reader.ValueSpan.Length;
                owner.NameEscaped = reader.ValueIsEscaped;
                if (reader.ValueTextEquals("$ref"u8))
                {
                    pendingReference = true;
                }
                else if (!owner.IsNameMap && (reader.ValueTextEquals("example"u8) || reader.ValueSpan.StartsWith("x-"u8)))
                {
                    // Literal values: an example or a vendor extension may contain anything, including "$ref" keys.
                    reader.Read();
                    reader.Skip();
                }

                continue;
            }

            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                _depth--;
                continue;
            }

            if (_depth > 0 && _frames[_depth - 1].IsArray)
            {
                _frames[_depth - 1].Index++;
            }

            if (token == JsonTokenType.String && pendingReference)
            {
                CheckReference(reader.GetString()!, content);
            }

            pendingReference = false;
            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                Push(token == JsonTokenType.StartArray, content);
            }
        }
    }

    private void Push(bool isArray, ReadOnlySpan<byte> content)
    {
        if (_depth == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }

        var isNameMap = false;
        if (_depth > 0 && !_frames[_depth - 1].IsArray)
        {
            var parent = _frames[_depth - 1];
            var name = content.Slice(parent.NameStart, parent.NameLength);
            foreach (var keyword in NameMaps)
            {
                if (name.SequenceEqual(keyword))
                {
                    isNameMap = true;
                    break;
                }
            }
        }

        _frames[_depth++] = new Frame { IsArray = isArray, IsNameMap = isNameMap, Index = -1 };
    }

    private void CheckReference(string reference, ReadOnlySpan<byte> content)
    {
        if (_skipExternal && !reference.StartsWith('#'))
        {
            return;
        }

        if (!_resolved.TryGetValue(reference, out var ok))
        {
            ok = Resolves(reference);
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

        FirstPointer = PointerOfCurrentObject(content);
        FirstProblem = reference.StartsWith('#')
            ? $"unresolvable $ref '{reference}' at {FirstPointer}: {MissingTarget(reference)}"
            : $"external $ref '{reference}' at {FirstPointer}: a pulled document must be self-contained";
    }

    private bool Resolves(string reference)
    {
        if (reference.StartsWith(_schemaPrefix, StringComparison.Ordinal) && reference.IndexOf('/', _schemaPrefix.Length) < 0)
        {
            return _schemaNames.Contains(JsonPointer.Unescape(reference[_schemaPrefix.Length..]));
        }

        return reference.StartsWith('#') && JsonPointer.TryResolve(_root, reference, out _);
    }

    /// <summary>The pointer of the object holding the <c>$ref</c>: every open container but the innermost names a step.</summary>
    private string PointerOfCurrentObject(ReadOnlySpan<byte> content)
    {
        var segments = new List<string>(_depth);
        for (var i = 0; i < _depth - 1; i++)
        {
            var frame = _frames[i];
            segments.Add(frame.IsArray
                ? frame.Index.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : DecodeName(content.Slice(frame.NameStart, frame.NameLength), frame.NameEscaped));
        }

        return JsonPointer.Build(segments);
    }

    private static string DecodeName(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (!escaped)
        {
            return Encoding.UTF8.GetString(raw);
        }

        var quoted = new byte[raw.Length + 2];
        quoted[0] = quoted[^1] = (byte)'"';
        raw.CopyTo(quoted.AsSpan(1));
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return reader.GetString()!;
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

    /// <summary>An open object or array: for an object, where its current property name lies in the input.</summary>
    private struct Frame
    {
        public bool IsArray;
        public bool IsNameMap;
        public int Index;
        public int NameStart;
        public int NameLength;
        public bool NameEscaped;
    }
}

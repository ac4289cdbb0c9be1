using System.Text.RegularExpressions;

namespace Clients.Sandbox.Specs;

/// <summary>
/// One path template of a document (<c>/domain/zone/{zoneName}/record/{id}</c>, <c>/files/{name}.json</c>) and its
/// operations by method. Literal segments beat parameters, earlier ones weighing more.
/// </summary>
internal sealed class SpecRoute
{
    private readonly Dictionary<string, SpecOperation> _operations = new(StringComparer.Ordinal);

    public SpecRoute(string template)
    {
        Template = template;
        var parts = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Segments = new Segment[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var open = part.IndexOf('{', StringComparison.Ordinal);
            if (open < 0)
            {
                Segments[i] = new Segment(SegmentKind.Literal, part, null, []);
                // Earlier literal segments weigh more, so /me/api/x beats /me/{a}/x.
                Specificity |= 1L << Math.Max(0, 62 - i);
            }
            else if (open == 0 && part[^1] == '}' && part.IndexOf('{', 1) < 0)
            {
                Segments[i] = new Segment(SegmentKind.Parameter, part[1..^1], null, [part[1..^1]]);
            }
            else
            {
                // A segment mixing text and variables ({name}.json, {a}-{b}): a regular expression.
                var names = new List<string>();
                var pattern = "^" + Regex.Replace(Regex.Escape(part).Replace("\\{", "{", StringComparison.Ordinal), "{([^}]+)}", m =>
                {
                    names.Add(m.Groups[1].Value);
                    return "(.+?)";
                }) + "$";
                Segments[i] = new Segment(SegmentKind.Mixed, part, new Regex(pattern, RegexOptions.CultureInvariant), [.. names]);
                Specificity |= 1L << Math.Max(0, 61 - i);
            }
        }
    }

    public string Template { get; }

    public Segment[] Segments { get; }

    public long Specificity { get; }

    /// <summary>The operations by upper-case method.</summary>
    public IReadOnlyDictionary<string, SpecOperation> Operations => _operations;

    /// <summary>The last literal segment (a name for synthesized strings), or <c>value</c>.</summary>
    public string Hint => Segments.LastOrDefault(static s => s.Kind == SegmentKind.Literal).Text ?? "value";

    public void Add(SpecOperation operation) => _operations[operation.Method] = operation;

    /// <summary>Matches raw (still percent-encoded) path segments; on success returns the decoded parameter values.</summary>
    public bool TryMatch(string[] rawSegments, out Dictionary<string, string> values)
    {
        values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (rawSegments.Length != Segments.Length)
        {
            return false;
        }

        for (var i = 0; i < Segments.Length; i++)
        {
            var segment = Segments[i];
            switch (segment.Kind)
            {
                case SegmentKind.Parameter:
                    if (rawSegments[i].Length == 0)
                    {
                        return false;
                    }

                    values[segment.Text] = Uri.UnescapeDataString(rawSegments[i]);
                    break;
                case SegmentKind.Mixed:
                    var match = segment.Pattern!.Match(Uri.UnescapeDataString(rawSegments[i]));
                    if (!match.Success)
                    {
                        return false;
                    }

                    for (var g = 0; g < segment.Names.Length; g++)
                    {
                        values[segment.Names[g]] = match.Groups[g + 1].Value;
                    }

                    break;
                default:
                    if (!string.Equals(segment.Text, rawSegments[i], StringComparison.Ordinal)
                        && !string.Equals(segment.Text, Uri.UnescapeDataString(rawSegments[i]), StringComparison.Ordinal))
                    {
                        return false;
                    }

                    break;
            }
        }

        return true;
    }

    public enum SegmentKind
    {
        Literal,
        Parameter,
        Mixed,
    }

    public readonly record struct Segment(SegmentKind Kind, string Text, Regex? Pattern, string[] Names)
    {
        public bool IsParameter => Kind != SegmentKind.Literal;
    }
}

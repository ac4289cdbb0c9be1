using System.Text.Json;

namespace Clients.Sandbox.Ovh;

/// <summary>One path of an OVH document (<c>/domain/zone/{zoneName}/record/{id}</c>) and its operations by method.</summary>
internal sealed class OvhSpecRoute
{
    public OvhSpecRoute(string template, IReadOnlyDictionary<string, JsonElement> operations)
    {
        Template = template;
        Operations = operations;
        var parts = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Segments = new Segment[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            var isParameter = part.Length > 2 && part[0] == '{' && part[^1] == '}';
            Segments[i] = new Segment(isParameter, isParameter ? part[1..^1] : part);
            if (!isParameter)
            {
                // Earlier literal segments weigh more, so /me/api/x beats /me/{a}/x.
                Specificity |= 1L << Math.Max(0, 62 - i);
            }
        }
    }

    public string Template { get; }

    public Segment[] Segments { get; }

    public long Specificity { get; }

    public IReadOnlyDictionary<string, JsonElement> Operations { get; }

    /// <summary>Matches raw (still percent-encoded) path segments; on success returns the decoded parameter values.</summary>
    public bool TryMatch(string[] rawSegments, out Dictionary<string, string> values)
    {
        values = [];
        if (rawSegments.Length != Segments.Length)
        {
            return false;
        }

        for (var i = 0; i < Segments.Length; i++)
        {
            var segment = Segments[i];
            if (segment.IsParameter)
            {
                if (rawSegments[i].Length == 0)
                {
                    return false;
                }

                values[segment.Text] = Uri.UnescapeDataString(rawSegments[i]);
            }
            else if (!string.Equals(segment.Text, rawSegments[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public readonly record struct Segment(bool IsParameter, string Text);
}

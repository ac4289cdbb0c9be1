using System.Text;
using System.Text.Json;

namespace Clients.SpecTools.Internal;

/// <summary>RFC 6901 JSON pointers: escaping segments and resolving local (<c>#/...</c>) references.</summary>
internal static class JsonPointer
{
    public static string Escape(string segment) =>
        segment.Contains('~') || segment.Contains('/') ? segment.Replace("~", "~0").Replace("/", "~1") : segment;

    public static string Unescape(string segment)
    {
        if (segment.Contains('%'))
        {
            segment = Uri.UnescapeDataString(segment);
        }

        return segment.Contains('~') ? segment.Replace("~1", "/").Replace("~0", "~") : segment;
    }

    /// <summary>Resolves a local reference such as <c>#/components/schemas/X</c> against <paramref name="root"/>.</summary>
    public static bool TryResolve(JsonElement root, string reference, out JsonElement target)
    {
        target = root;
        if (!reference.StartsWith('#'))
        {
            return false;
        }

        var pointer = reference.AsSpan(1);
        if (pointer.IsEmpty)
        {
            return true;
        }

        if (pointer[0] != '/')
        {
            return false;
        }

        foreach (var range in pointer[1..].Split('/'))
        {
            var segment = Unescape(pointer[1..][range].ToString());
            switch (target.ValueKind)
            {
                case JsonValueKind.Object when target.TryGetProperty(segment, out var child):
                    target = child;
                    break;
                case JsonValueKind.Array when int.TryParse(segment, out var index) && index >= 0 && index < target.GetArrayLength():
                    target = target[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    public static string Build(IEnumerable<string> segments)
    {
        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            builder.Append('/').Append(Escape(segment));
        }

        return builder.Length == 0 ? "/" : builder.ToString();
    }
}

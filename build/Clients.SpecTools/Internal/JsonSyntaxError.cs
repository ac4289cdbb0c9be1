using System.Text.Json;

namespace Clients.SpecTools.Internal;

/// <summary>Turns a <see cref="JsonException"/> into a message with a 1-based line, column and absolute byte offset.</summary>
internal static class JsonSyntaxError
{
    public static string Describe(JsonException exception, ReadOnlySpan<byte> content)
    {
        var line = exception.LineNumber ?? 0;
        var column = exception.BytePositionInLine ?? 0;
        var offset = LineStart(content, line) + column;
        var end = content.Length;
        while (end > 0 && content[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            end--;
        }

        var what = StripPosition(exception.Message);
        var where = $"line {line + 1}, column {column + 1} (byte offset {offset} of {content.Length})";
        return offset >= end
            ? $"the JSON is truncated: it ends at {where} before every object and array is closed ({what})"
            : $"invalid JSON at {where}: {what}";
    }

    private static long LineStart(ReadOnlySpan<byte> content, long line)
    {
        long start = 0;
        for (var seen = 0L; seen < line; seen++)
        {
            var next = content[(int)start..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            start += next + 1;
        }

        return start;
    }

    private static string StripPosition(string message)
    {
        var index = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (index >= 0 ? message[..index] : message).TrimEnd();
    }
}

using System.Collections;
using System.Globalization;

namespace Clients.Core.Wire;

/// <summary>
/// How a value goes on the wire in a URL (path segment or query value), before percent-encoding: the one place the
/// project decides it, for every provider. Dates <c>yyyy-MM-dd</c>; date-times ISO 8601 with their offset
/// (<c>2024-01-15T10:00:00+00:00</c>; fractional seconds only when present, as microseconds — what Python's
/// <c>datetime.isoformat()</c> gives a python-ovh caller); booleans <c>true</c>/<c>false</c>; open enums by wire value; numbers invariant;
/// collections comma-joined (a query collection marked <c>CollectionFormat.Multi</c> is split by Refit first).
/// </summary>
public static class WireFormat
{
    private const string DatePart = "yyyy'-'MM'-'dd'T'";
    private const string DateTimeWhole = DatePart + "HH':'mm':'ss";
    private const string DateTimeMicroseconds = DatePart + "HH':'mm':'ss'.'ffffff";
    private const string DateTimeTicks = DatePart + "HH':'mm':'ss'.'fffffff";

    /// <summary>Formats a value for a URL; null stays null (Refit then leaves a query parameter out).</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its wire text, not yet percent-encoded.</returns>
    public static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        bool flag => flag ? "true" : "false",
        IOpenEnum open => open.ToString(),
        DateOnly date => date.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture),
        DateTimeOffset moment => FormatDateTime(moment),
        DateTime moment => FormatDateTime(moment),
        TimeOnly time => time.ToString(DateTimePattern(time.Ticks)[DatePart.Length..], CultureInfo.InvariantCulture),
        Enum member => FormatEnum(member),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Format)),
        _ => value.ToString(),
    };

    /// <summary>ISO 8601 with the offset as <c>+hh:mm</c>: <c>2024-01-15T10:00:00+00:00</c>.</summary>
    /// <param name="value">The moment.</param>
    /// <returns>Its wire text.</returns>
    public static string FormatDateTime(DateTimeOffset value) =>
        value.ToString(DateTimePattern(value.Ticks), CultureInfo.InvariantCulture) + value.ToString("zzz", CultureInfo.InvariantCulture);

    private static string DateTimePattern(long ticks) =>
        ticks % TimeSpan.TicksPerSecond == 0 ? DateTimeWhole : ticks % TimeSpan.TicksPerMicrosecond == 0 ? DateTimeMicroseconds : DateTimeTicks;

    private static string FormatDateTime(DateTime value)
    {
        var text = value.ToString(DateTimePattern(value.Ticks), CultureInfo.InvariantCulture);
        return value.Kind switch
        {
            DateTimeKind.Utc => text + "+00:00",
            DateTimeKind.Local => text + value.ToString("zzz", CultureInfo.InvariantCulture),
            _ => text,
        };
    }

    private static string FormatEnum(Enum member)
    {
        // A consumer's own enum: its [EnumMember(Value)] when it has one (what System.Text.Json and Refit honour), else its name.
        var name = member.ToString();
        var field = member.GetType().GetField(name);
        var attribute = field is null ? null : Attribute.GetCustomAttribute(field, typeof(System.Runtime.Serialization.EnumMemberAttribute)) as System.Runtime.Serialization.EnumMemberAttribute;
        return attribute?.Value ?? name;
    }
}

using Refit;

namespace Clients.Core.Wire;

/// <summary>
/// Refit's formatter for the fields of an <c>application/x-www-form-urlencoded</c> body: values go through
/// <see cref="WireFormat"/>, as path and query values do (lowercase booleans, ISO 8601 dates, open enums by wire value).
/// </summary>
public sealed class WireFormUrlEncodedParameterFormatter : IFormUrlEncodedParameterFormatter
{
    /// <summary>The shared instance (the formatter is stateless).</summary>
    public static WireFormUrlEncodedParameterFormatter Instance { get; } = new();

    /// <inheritdoc/>
    public string? Format(object? value, string? formatString) =>
        value is IFormattable formattable && formatString is { Length: > 0 }
            ? formattable.ToString(formatString, System.Globalization.CultureInfo.InvariantCulture)
            : WireFormat.Format(value);
}

using System.Reflection;
using Refit;

namespace Clients.Core.Wire;

/// <summary>
/// Refit's URL-parameter formatter for every provider: path and query values go through <see cref="WireFormat"/>.
/// A <c>[Query(Format = ...)]</c> on a consumer's own interface still wins for the value it decorates.
/// </summary>
public sealed class WireUrlParameterFormatter : IUrlParameterFormatter
{
    /// <summary>The shared instance (the formatter is stateless).</summary>
    public static WireUrlParameterFormatter Instance { get; } = new();

    /// <inheritdoc/>
    public string? Format(object? value, ICustomAttributeProvider attributeProvider, Type type)
    {
        ArgumentNullException.ThrowIfNull(attributeProvider);
        if (value is IFormattable formattable
            && attributeProvider.GetCustomAttributes(typeof(QueryAttribute), true).OfType<QueryAttribute>().FirstOrDefault()?.Format is { Length: > 0 } format)
        {
            return formattable.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
        }

        return WireFormat.Format(value);
    }
}

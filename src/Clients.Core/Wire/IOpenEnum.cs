namespace Clients.Core.Wire;

/// <summary>
/// A generated open (extensible) enum: a value type that carries any wire value, including ones the provider's
/// document did not list when the client was generated, and writes it back unchanged.
/// </summary>
/// <remarks>
/// <see cref="object.ToString"/> returns the exact wire value; the URL formatter and the JSON converters use it.
/// It is <see cref="IFormattable"/> so that Refit treats it as one URL value (a scalar), never as an object whose
/// properties become query parameters.
/// </remarks>
public interface IOpenEnum : IFormattable
{
    /// <summary>True when the value is one the document listed (a static member of the type).</summary>
    bool IsKnown { get; }

    /// <summary>The wire value, whatever the format asked for: an enum has exactly one spelling on the wire.</summary>
    /// <param name="format">Ignored.</param>
    /// <param name="formatProvider">Ignored.</param>
    /// <returns>The wire value.</returns>
    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => ToString() ?? string.Empty;
}

namespace Clients.Core.Wire;

/// <summary>
/// A generated open (extensible) enum: a value type that carries any wire value, including ones the provider's
/// document did not list when the client was generated, and writes it back unchanged.
/// </summary>
/// <remarks><see cref="object.ToString"/> returns the exact wire value; the URL formatter and the JSON converters use it.</remarks>
public interface IOpenEnum
{
    /// <summary>True when the value is one the document listed (a static member of the type).</summary>
    bool IsKnown { get; }
}

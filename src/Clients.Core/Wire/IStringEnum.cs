namespace Clients.Core.Wire;

/// <summary>An open enum whose wire values are JSON strings.</summary>
/// <typeparam name="TSelf">The generated enum type.</typeparam>
public interface IStringEnum<TSelf> : IOpenEnum, IEquatable<TSelf>
    where TSelf : struct, IStringEnum<TSelf>
{
    /// <summary>The exact wire string (empty for <c>default</c>).</summary>
    string WireValue { get; }

    /// <summary>Wraps a wire string, known or not.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The enum value.</returns>
    static abstract TSelf FromWire(string value);
}

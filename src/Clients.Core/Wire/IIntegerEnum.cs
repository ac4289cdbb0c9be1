namespace Clients.Core.Wire;

/// <summary>An open enum whose wire values are JSON integers.</summary>
/// <typeparam name="TSelf">The generated enum type.</typeparam>
public interface IIntegerEnum<TSelf> : IOpenEnum, IEquatable<TSelf>
    where TSelf : struct, IIntegerEnum<TSelf>
{
    /// <summary>The exact wire number.</summary>
    long WireValue { get; }

    /// <summary>Wraps a wire number, known or not.</summary>
    /// <param name="value">The wire value.</param>
    /// <returns>The enum value.</returns>
    static abstract TSelf FromWire(long value);
}

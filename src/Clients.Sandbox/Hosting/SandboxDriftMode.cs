namespace Clients.Sandbox.Hosting;

/// <summary>
/// How an emulator's answers go beyond the provider's document, the way a real API drifts between two versions of its
/// document. Flags: combine them, or use <see cref="All"/>. Deterministic: the same call gets the same drifted answer.
/// </summary>
[Flags]
public enum SandboxDriftMode
{
    /// <summary>Answers fit the document exactly (the default).</summary>
    None = 0,

    /// <summary>Enum values are replaced by one the document does not list (<c>sandboxDriftValue</c>; for integer enums the largest listed value + 1).</summary>
    UnknownEnumValues = 1,

    /// <summary>Every object gets a property the document does not declare: <c>"sandboxDrift": {"note": ..., "values": [1, 2.5, true, null]}</c>.</summary>
    ExtraProperties = 2,

    /// <summary>Every other optional property is left out.</summary>
    MissingOptionalProperties = 4,

    /// <summary>The optional properties that are kept and not declared <c>nullable</c> are <c>null</c>.</summary>
    UnexpectedNulls = 8,

    /// <summary>All of the above.</summary>
    All = UnknownEnumValues | ExtraProperties | MissingOptionalProperties | UnexpectedNulls,
}

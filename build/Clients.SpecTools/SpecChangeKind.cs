namespace Clients.SpecTools;

/// <summary>What a <see cref="SpecChange"/> is about.</summary>
public enum SpecChangeKind
{
    /// <summary>A document key exists only in the new set (non-breaking).</summary>
    DocumentAdded,

    /// <summary>A document key exists only in the old set (breaking: every operation in it disappears).</summary>
    DocumentRemoved,

    /// <summary>An operation (<c>METHOD path</c>) appeared (non-breaking).</summary>
    OperationAdded,

    /// <summary>An operation disappeared (breaking).</summary>
    OperationRemoved,

    /// <summary>An operation's parameters, request body, success responses or flags changed.</summary>
    OperationChanged,

    /// <summary>A named schema (<c>components.schemas</c> / <c>definitions</c>) appeared (non-breaking).</summary>
    SchemaAdded,

    /// <summary>A named schema disappeared (breaking).</summary>
    SchemaRemoved,

    /// <summary>A named schema's structure changed; one change per property-level difference.</summary>
    SchemaChanged,
}

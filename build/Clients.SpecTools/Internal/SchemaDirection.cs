namespace Clients.SpecTools.Internal;

/// <summary>Which way a schema's data flows, which decides whether a difference breaks callers.</summary>
[Flags]
internal enum SchemaDirection
{
    /// <summary>Not reached from any operation; compared as <see cref="Both"/> (the conservative choice).</summary>
    None = 0,

    /// <summary>The caller writes it: parameters and request bodies.</summary>
    Request = 1,

    /// <summary>The caller reads it: success response bodies.</summary>
    Response = 2,

    /// <summary>Both ways.</summary>
    Both = Request | Response,
}

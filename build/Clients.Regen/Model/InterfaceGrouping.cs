namespace Clients.Regen.Model;

/// <summary>How operations are split into interfaces.</summary>
internal enum InterfaceGrouping
{
    /// <summary>One interface per OpenAPI tag; method names from operationId.</summary>
    ByTag,

    /// <summary>One interface per document (OVH universe); method names from verb + path.</summary>
    ByDocument,
}

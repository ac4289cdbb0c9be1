namespace Clients.SpecTools.Internal;

/// <summary>One difference found inside a schema, before it becomes a <see cref="SpecChange"/>.</summary>
internal readonly record struct SchemaFinding(string Detail, bool Breaking);

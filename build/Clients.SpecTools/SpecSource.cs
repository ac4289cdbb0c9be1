namespace Clients.SpecTools;

/// <summary>Where a spec document comes from; every validation message names it.</summary>
/// <param name="Provider">The provider the document belongs to (e.g. <c>ovh</c>).</param>
/// <param name="DocumentKey">The document's key within the provider (e.g. <c>v1/me</c>, <c>swagger</c>).</param>
/// <param name="Location">The URL or file the document was read from.</param>
public sealed record SpecSource(string Provider, string DocumentKey, string Location)
{
    /// <inheritdoc />
    public override string ToString() => $"{Provider} document '{DocumentKey}' from {Location}";
}

namespace Clients.Regen.Drift;

/// <summary>One member of the generated C# surface, as a consumer's code sees it.</summary>
/// <param name="Name">
/// <c>IOvhDomainApi.GetDomainZoneRecordAsync</c> (a method), <c>DomainZoneRecord.Ttl</c> (a property, field or enum
/// member) or <c>DomainZoneRecord</c> (a type).
/// </param>
/// <param name="Signature">What a change of which breaks callers: the method's return and parameter types, the property's type, the type's kind.</param>
/// <param name="Route">For interface methods: the Refit route, <c>GET /domain/zone/{zoneName}/record/{id}</c>.</param>
/// <param name="JsonName">For properties: the JSON name (<c>ttl</c>).</param>
internal sealed record GeneratedMember(string Name, string Signature, string? Route, string? JsonName);

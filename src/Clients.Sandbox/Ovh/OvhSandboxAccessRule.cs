namespace Clients.Sandbox.Ovh;

/// <summary>An access rule of a consumer key: an HTTP method and a path pattern (<c>/me</c>, <c>/me/*</c>, <c>/domain/*/record</c>).</summary>
/// <param name="Method">GET, POST, PUT, DELETE or PATCH.</param>
/// <param name="Path">The path pattern; see <see cref="OvhAccessRuleMatcher"/> for the wildcard semantics.</param>
public sealed record OvhSandboxAccessRule(string Method, string Path);

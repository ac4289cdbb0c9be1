namespace Clients.Ovh;

/// <summary>An OVH API access rule: an HTTP verb and a path where <c>*</c> stands for any value (<c>GET /domain/zone/*/record/*</c>).</summary>
/// <param name="Method">The HTTP verb: GET, POST, PUT, DELETE or PATCH.</param>
/// <param name="Path">The path, path parameters written as <c>*</c>.</param>
public sealed record OvhAccessRule(string Method, string Path);

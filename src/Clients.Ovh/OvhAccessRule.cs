namespace Clients.Ovh;

/// <summary>
/// One access rule of an OVH consumer key: an HTTP method and a path, where <c>*</c> stands for any path parameter
/// (<c>/domain/*/record</c>) and a trailing <c>*</c> for everything below (<c>/me/*</c>, which does not include <c>/me</c>).
/// </summary>
/// <param name="Method">The HTTP method: <c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>DELETE</c> (or <c>PATCH</c>).</param>
/// <param name="Path">The path relative to the API version root, for example <c>/me</c> or <c>/v2/iam/*</c>.</param>
public sealed record OvhAccessRule(string Method, string Path);

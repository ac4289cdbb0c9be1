namespace Clients.Generator.Models;

/// <summary>A Refit method of a marked interface.</summary>
/// <param name="Name">The method's name.</param>
/// <param name="HttpMethod">The HTTP verb (GET, POST...).</param>
/// <param name="Path">The Refit path template as written.</param>
/// <param name="Rule">The access rule derived from the path, or null when it cannot be one (or the provider has none).</param>
internal sealed record MethodModel(string Name, string HttpMethod, string Path, AccessRuleModel? Rule);

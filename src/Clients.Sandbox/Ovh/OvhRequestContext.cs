namespace Clients.Sandbox.Ovh;

/// <summary>What the dispatcher knows about one request before handing it to an endpoint.</summary>
/// <param name="Version"><c>v1</c> (for <c>/1.0</c> and <c>/v1</c>) or <c>v2</c>.</param>
/// <param name="Prefix">The prefix as sent: <c>/1.0</c>, <c>/v1</c> or <c>/v2</c>.</param>
/// <param name="ApiPath">The raw path after the prefix (<c>/ip/1.2.3.4%2F29/reverse</c>).</param>
/// <param name="AbsoluteUrl">scheme://host:port plus the raw request target, as the client signed it.</param>
/// <param name="Body">The raw body bytes.</param>
internal sealed record OvhRequestContext(string Version, string Prefix, string ApiPath, string AbsoluteUrl, byte[] Body)
{
    /// <summary>The path access rules are matched against: v1 paths without prefix, v2 paths with <c>/v2</c>.</summary>
    public string RulePath => Version == "v2" ? "/v2" + ApiPath : ApiPath;
}

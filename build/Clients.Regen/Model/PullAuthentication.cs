namespace Clients.Regen.Model;

/// <summary>How a document's URL is pulled when it needs credentials; the values come from environment variables, never from project files.</summary>
internal abstract record PullAuthentication
{
    /// <summary>The environment variables this authentication reads (for messages naming what is missing).</summary>
    public abstract IReadOnlyList<string> Variables { get; }
}

/// <summary>An OAuth2 client-credentials token (RFC 6749 §4.4) from <see cref="TokenUrl"/>, sent as <c>Authorization: Bearer</c>.</summary>
/// <param name="TokenUrl">The token endpoint.</param>
/// <param name="ClientIdVariable">The environment variable holding the client id.</param>
/// <param name="ClientSecretVariable">The environment variable holding the client secret.</param>
internal sealed record ClientCredentialsPull(string TokenUrl, string ClientIdVariable, string ClientSecretVariable) : PullAuthentication
{
    public override IReadOnlyList<string> Variables => [ClientIdVariable, ClientSecretVariable];
}

/// <summary>One header whose value is an environment variable's (<c>Authorization</c> = <c>$ACME_DOCS_TOKEN</c>).</summary>
/// <param name="Header">The header's name.</param>
/// <param name="Variable">The environment variable holding its whole value (<c>Bearer …</c>, an API key …).</param>
internal sealed record HeaderPull(string Header, string Variable) : PullAuthentication
{
    public override IReadOnlyList<string> Variables => [Variable];
}

namespace Clients.Core.OAuth2;

/// <summary>
/// The former name of <see cref="IAccessTokenSource"/>, kept for one release: an implementation of it is an
/// <see cref="IAccessTokenSource"/> and plugs into everything that takes one.
/// </summary>
[Obsolete("Use IAccessTokenSource (\"provider\" now means only the API vendor); IAccessTokenProvider will be removed in the next release.")]
public interface IAccessTokenProvider : IAccessTokenSource
{
}

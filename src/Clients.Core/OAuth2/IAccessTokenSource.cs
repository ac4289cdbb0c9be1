namespace Clients.Core.OAuth2;

/// <summary>Supplies the access token of one client identity to a <see cref="BearerTokenHandler"/>.</summary>
public interface IAccessTokenSource
{
    /// <summary>Returns a valid token, acquiring one if none is cached or the cached one expired.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The token.</returns>
    ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Returns a token other than <paramref name="rejected"/>, which the API refused: concurrent callers that report the
    /// same rejected token cause a single renewal.
    /// </summary>
    /// <param name="rejected">The token the API answered 401 to.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A renewed token.</returns>
    ValueTask<AccessToken> RenewTokenAsync(AccessToken rejected, CancellationToken cancellationToken);
}

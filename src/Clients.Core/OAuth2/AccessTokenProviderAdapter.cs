namespace Clients.Core.OAuth2;

#pragma warning disable CS0618 // the adapter exists for the obsolete name; it goes with it

/// <summary>
/// Shows an <see cref="IAccessTokenSource"/> under its former interface, <see cref="IAccessTokenProvider"/> (for the
/// obsolete forwarders, one release); every call goes to the source.
/// </summary>
internal sealed class AccessTokenProviderAdapter : IAccessTokenProvider
{
    private readonly IAccessTokenSource _source;

    private AccessTokenProviderAdapter(IAccessTokenSource source) => _source = source;

    /// <summary>The source itself when it already implements the former interface, else an adapter over it.</summary>
    /// <param name="source">The token source.</param>
    /// <returns>The source under its former interface.</returns>
    public static IAccessTokenProvider Wrap(IAccessTokenSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source as IAccessTokenProvider ?? new AccessTokenProviderAdapter(source);
    }

    /// <inheritdoc />
    public ValueTask<AccessToken> GetTokenAsync(CancellationToken cancellationToken) => _source.GetTokenAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask<AccessToken> RenewTokenAsync(AccessToken rejected, CancellationToken cancellationToken) => _source.RenewTokenAsync(rejected, cancellationToken);
}

using System.Security.Cryptography;
using System.Text;

namespace Clients.Core.OAuth2;

/// <summary>
/// Everything that changes which token a request needs: provider, token endpoint, client id, scope and user.
/// The cache key is a hash of these, so user names do not appear in a shared second-level cache.
/// </summary>
internal sealed record TokenCacheKey
{
    /// <summary>Creates a key.</summary>
    /// <param name="provider">The provider's name.</param>
    /// <param name="tokenEndpoint">The token endpoint.</param>
    /// <param name="clientId">The client id.</param>
    /// <param name="scope">The scope, if any.</param>
    /// <param name="user">The resource owner (password grant), if any.</param>
    public TokenCacheKey(string provider, Uri tokenEndpoint, string clientId, string? scope = null, string? user = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(provider);
        ArgumentNullException.ThrowIfNull(tokenEndpoint);
        ArgumentNullException.ThrowIfNull(clientId);
        Provider = provider;
        TokenEndpoint = tokenEndpoint;
        ClientId = clientId;
        Scope = scope;
        User = user;
        var identity = string.Join('\n', provider, tokenEndpoint.AbsoluteUri, clientId, scope ?? string.Empty, user ?? string.Empty);
        CacheKey = "clients:oauth2:" + provider.ToLowerInvariant() + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }

    /// <summary>The provider's name.</summary>
    public string Provider { get; }

    /// <summary>The token endpoint.</summary>
    public Uri TokenEndpoint { get; }

    /// <summary>The client id.</summary>
    public string ClientId { get; }

    /// <summary>The scope, if any.</summary>
    public string? Scope { get; }

    /// <summary>The resource owner, if any.</summary>
    public string? User { get; }

    /// <summary>The string key used in the cache.</summary>
    public string CacheKey { get; }
}

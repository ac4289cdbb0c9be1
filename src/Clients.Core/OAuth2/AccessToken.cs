using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Clients.Core.OAuth2;

/// <summary>A cached access token: the value to send, and when the cache stops handing it out.</summary>
/// <remarks>Immutable, so that <c>HybridCache</c> can hand out the same instance. <see cref="ToString"/> shows no secret.</remarks>
[ImmutableObject(true)]
public sealed class AccessToken
{
    /// <summary>Creates a cached token.</summary>
    /// <param name="value">The access token.</param>
    /// <param name="tokenType">The token type (usually <c>Bearer</c>).</param>
    /// <param name="expiresAt">When the cache stops handing it out (receipt + <c>expires_in</c> − buffer).</param>
    /// <param name="refreshToken">The refresh token that came with it, if any.</param>
    [JsonConstructor]
    public AccessToken(string value, string tokenType, DateTimeOffset expiresAt, string? refreshToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
        TokenType = string.IsNullOrEmpty(tokenType) ? "Bearer" : tokenType;
        ExpiresAt = expiresAt;
        RefreshToken = refreshToken;
    }

    /// <summary>The access token. A secret.</summary>
    public string Value { get; }

    /// <summary>The token type.</summary>
    public string TokenType { get; }

    /// <summary>When the cache stops handing this token out.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The refresh token that came with it, if any. A secret.</summary>
    public string? RefreshToken { get; }

    /// <summary>
    /// Builds a cached token from a token response: expiry = receipt + <c>expires_in</c> − <paramref name="expiryBuffer"/>.
    /// The buffer is capped at half the lifetime so that a short-lived token is still used for a while instead of being
    /// treated as expired on arrival.
    /// </summary>
    /// <param name="token">The token response.</param>
    /// <param name="expiryBuffer">How long before the announced expiry the token stops being used.</param>
    /// <returns>The cached token.</returns>
    public static AccessToken FromResponse(OAuth2Token token, TimeSpan expiryBuffer)
    {
        ArgumentNullException.ThrowIfNull(token);
        var lifetime = token.ExpiresIn ?? TimeSpan.Zero;
        var buffer = expiryBuffer < TimeSpan.Zero ? TimeSpan.Zero : expiryBuffer;
        if (buffer > lifetime / 2)
        {
            buffer = lifetime / 2;
        }

        return new AccessToken(token.AccessToken, token.TokenType, token.ReceivedAt + lifetime - buffer, token.RefreshToken);
    }

    /// <summary>Whether the cache should stop handing this token out at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when expired.</returns>
    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <inheritdoc />
    public override string ToString() => $"{TokenType} token expiring at {ExpiresAt:O}";
}

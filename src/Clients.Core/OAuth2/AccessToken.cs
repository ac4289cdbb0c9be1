using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Clients.Core.OAuth2;

/// <summary>
/// A cached access token: the value to send, when a renewal should start (<see cref="RenewAt"/>) and when the token
/// stops being usable (<see cref="ExpiresAt"/>).
/// </summary>
/// <remarks>Immutable, so that one instance can be handed to every caller. <see cref="ToString"/> shows no secret.</remarks>
[ImmutableObject(true)]
public sealed class AccessToken
{
    /// <summary>Creates a cached token that is renewed only when it expires.</summary>
    /// <param name="value">The access token.</param>
    /// <param name="tokenType">The token type (usually <c>Bearer</c>).</param>
    /// <param name="expiresAt">When the token stops being usable.</param>
    /// <param name="refreshToken">The refresh token that came with it, if any.</param>
    public AccessToken(string value, string tokenType, DateTimeOffset expiresAt, string? refreshToken)
        : this(value, tokenType, expiresAt, refreshToken, expiresAt)
    {
    }

    /// <summary>Creates a cached token.</summary>
    /// <param name="value">The access token.</param>
    /// <param name="tokenType">The token type (usually <c>Bearer</c>).</param>
    /// <param name="expiresAt">When the token stops being usable (receipt + <c>expires_in</c>).</param>
    /// <param name="refreshToken">The refresh token that came with it, if any.</param>
    /// <param name="renewAt">
    /// When a background renewal should start (receipt + <c>expires_in</c> − buffer); until <paramref name="expiresAt"/>
    /// the token keeps being handed out whatever happens to that renewal. Clamped to <paramref name="expiresAt"/>.
    /// </param>
    [JsonConstructor]
    public AccessToken(string value, string tokenType, DateTimeOffset expiresAt, string? refreshToken, DateTimeOffset renewAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
        TokenType = string.IsNullOrEmpty(tokenType) ? "Bearer" : tokenType;
        ExpiresAt = expiresAt;
        RefreshToken = refreshToken;
        RenewAt = renewAt > expiresAt ? expiresAt : renewAt;
    }

    /// <summary>The access token. A secret.</summary>
    public string Value { get; }

    /// <summary>The token type.</summary>
    public string TokenType { get; }

    /// <summary>When the token stops being usable: from then on callers wait for a new one.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>When a best-effort background renewal starts (the token is still handed out until <see cref="ExpiresAt"/>).</summary>
    public DateTimeOffset RenewAt { get; }

    /// <summary>The refresh token that came with it, if any. A secret.</summary>
    public string? RefreshToken { get; }

    /// <summary>
    /// Builds a cached token from a token response: expiry = receipt + <c>expires_in</c>; renewal starts at expiry −
    /// <paramref name="expiryBuffer"/>. The buffer is capped at half the lifetime so that a short-lived token is used for
    /// a while before its renewal starts.
    /// </summary>
    /// <param name="token">The token response.</param>
    /// <param name="expiryBuffer">How long before the announced expiry the background renewal starts.</param>
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

        var expiresAt = token.ReceivedAt + lifetime;
        return new AccessToken(token.AccessToken, token.TokenType, expiresAt, token.RefreshToken, expiresAt - buffer);
    }

    /// <summary>Whether this token may no longer be used at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when expired.</returns>
    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>Whether a renewal is due at <paramref name="now"/> (the token may still be usable).</summary>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> from <see cref="RenewAt"/> on.</returns>
    public bool IsRenewalDue(DateTimeOffset now) => now >= RenewAt;

    /// <inheritdoc />
    public override string ToString() => $"{TokenType} token expiring at {ExpiresAt:O}";
}

namespace Clients.Core.OAuth2;

/// <summary>A successful token response (RFC 6749 §5.1).</summary>
/// <remarks><see cref="ToString"/> never shows the access or refresh token.</remarks>
public sealed class OAuth2Token
{
    /// <summary>Creates a token response.</summary>
    /// <param name="accessToken">The access token.</param>
    /// <param name="tokenType">The token type (usually <c>Bearer</c>).</param>
    /// <param name="expiresIn">The lifetime the server announced, or <see langword="null"/> if it announced none.</param>
    /// <param name="refreshToken">The refresh token, if any.</param>
    /// <param name="scope">The granted scope, if the server said.</param>
    /// <param name="receivedAt">When the response was received (from the client's <see cref="TimeProvider"/>).</param>
    public OAuth2Token(string accessToken, string tokenType, TimeSpan? expiresIn, string? refreshToken, string? scope, DateTimeOffset receivedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(accessToken);
        AccessToken = accessToken;
        TokenType = string.IsNullOrEmpty(tokenType) ? "Bearer" : tokenType;
        ExpiresIn = expiresIn;
        RefreshToken = refreshToken;
        Scope = scope;
        ReceivedAt = receivedAt;
    }

    /// <summary>The access token. A secret.</summary>
    public string AccessToken { get; }

    /// <summary>The token type.</summary>
    public string TokenType { get; }

    /// <summary>The lifetime the server announced (<c>expires_in</c>).</summary>
    public TimeSpan? ExpiresIn { get; }

    /// <summary>The refresh token, if any. A secret.</summary>
    public string? RefreshToken { get; }

    /// <summary>The granted scope, if the server said.</summary>
    public string? Scope { get; }

    /// <summary>When the response was received.</summary>
    public DateTimeOffset ReceivedAt { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{TokenType} token (expires_in={ExpiresIn?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, refresh_token={(RefreshToken is null ? "no" : "yes")})";
}

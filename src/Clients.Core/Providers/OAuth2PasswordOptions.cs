namespace Clients.Core;

/// <summary>
/// The settings of a provider of your own authenticated with the OAuth2 resource-owner password grant, its tokens
/// renewed with their refresh tokens (<see cref="ClientProviderRegistration.OAuth2Password"/>): the client's settings
/// and the user.
/// </summary>
/// <remarks><see cref="ToString"/> never shows <see cref="Password"/> or the client secret.</remarks>
public abstract class OAuth2PasswordOptions : OAuth2ClientOptions
{
    /// <summary>The user the tokens act as. Required.</summary>
    public string? UserName { get; set; }

    /// <summary>The user's password. A secret: read only when a new grant is needed, never logged.</summary>
    public string? Password { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{base.ToString()} as {UserName}";
}

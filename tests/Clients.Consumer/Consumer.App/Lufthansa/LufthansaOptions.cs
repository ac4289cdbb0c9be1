using Clients.Core;

namespace Consumer.Lufthansa;

/// <summary>The Lufthansa settings (section <c>Lufthansa</c>): BaseUrl, TokenUrl, ClientId, ClientSecret, Scope.</summary>
public sealed class LufthansaOptions : OAuth2ClientOptions
{
}

using Clients.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consumer.Lufthansa;

/// <summary>The Lufthansa provider's registration: OAuth2 client credentials, and nothing else to say.</summary>
public static class LufthansaClientRegistration
{
    /// <summary>What the generated <c>AddLufthansaClients</c> registers.</summary>
    public static ClientProviderRegistration<LufthansaOptions> Registration { get; } =
        ClientProviderRegistration.OAuth2ClientCredentials<LufthansaOptions>(
            name: "Lufthansa",
            contracts: LufthansaJsonSerializerContext.Default,
            bind: static (options, section) => options.Bind(section));
}

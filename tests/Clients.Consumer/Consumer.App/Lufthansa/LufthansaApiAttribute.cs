using Clients.Core;

namespace Consumer.Lufthansa;

/// <summary>
/// Marks the interfaces RegenClients generates from <c>Documents/lufthansa-partner.json</c>
/// (<c>&lt;ClientsDocument … Attribute="Consumer.Lufthansa.LufthansaApi" /&gt;</c>): registered by the generated
/// <c>AddLufthansaClients</c>, authenticated by <see cref="LufthansaClientRegistration"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
[ClientProvider("Lufthansa", typeof(LufthansaClientRegistration), typeof(LufthansaOptions))]
public sealed class LufthansaApiAttribute : Attribute
{
}

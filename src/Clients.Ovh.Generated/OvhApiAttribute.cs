using Clients.Core;

namespace Clients.Ovh;

/// <summary>Marks a Refit interface as a Ovh client: registered by <c>AddOvhClients</c> and authenticated by the Ovh handler chain.</summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
[ClientProvider("Ovh", typeof(OvhClientRegistration), typeof(OvhOptions), AccessRules = typeof(OvhAccessRules))]
public sealed class OvhApiAttribute : Attribute
{
}

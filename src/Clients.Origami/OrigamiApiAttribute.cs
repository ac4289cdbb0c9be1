using Clients.Core;

namespace Clients.Origami;

/// <summary>Marks a Refit interface as a Origami client: registered by <c>AddOrigamiClients</c> and authenticated by the Origami handler chain.</summary>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
[ClientProvider("Origami", typeof(OrigamiClientRegistration), typeof(OrigamiOptions))]
public sealed class OrigamiApiAttribute : Attribute
{
}

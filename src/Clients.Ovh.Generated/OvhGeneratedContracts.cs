using System.Runtime.CompilerServices;
using Clients.Core;

namespace Clients.Ovh;

/// <summary>
/// Hands the generated <see cref="OvhJsonSerializerContext"/> to Core's registry when this assembly is first used
/// (<c>AddOvhClients</c> lives here, so it always is before a client is built); the OVH serializer reads it there.
/// </summary>
internal static class OvhGeneratedContracts
{
#pragma warning disable CA2255 // The contracts must be registered before a serializer asks for them.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => GeneratedClientRegistry.RegisterContracts(OvhJsonSerializerContext.Default);
}

using System.ComponentModel;

namespace Clients.Core;

/// <summary>
/// Where the code generated in a consumer's assembly hands over the consumer's own marked interfaces, so that the
/// provider package's <c>Add{Provider}Clients</c> registers them too. Used by generated code only.
/// </summary>
/// <remarks>
/// A consumer assembly registers through a module initializer, which runs when that assembly is first loaded; an
/// interface declared in an assembly not yet loaded when <c>Add{Provider}Clients</c> runs is not seen (call its
/// generated per-interface <c>Add{Interface}</c> method instead).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GeneratedClientRegistry
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<Type, List<Action<ClientProviderBuilder>>> Registrations = new();

    /// <summary>Records that <paramref name="addClients"/> must run on every builder of the provider marked by <paramref name="marker"/>.</summary>
    /// <param name="marker">The provider's marker attribute type.</param>
    /// <param name="addClients">Adds the assembly's interfaces to a builder.</param>
    public static void Register(Type marker, Action<ClientProviderBuilder> addClients)
    {
        ArgumentNullException.ThrowIfNull(marker);
        ArgumentNullException.ThrowIfNull(addClients);
        lock (Gate)
        {
            if (!Registrations.TryGetValue(marker, out var list))
            {
                Registrations[marker] = list = new List<Action<ClientProviderBuilder>>();
            }

            list.Add(addClients);
        }
    }

    /// <summary>Adds every client registered for <paramref name="marker"/> to <paramref name="builder"/>.</summary>
    /// <param name="marker">The provider's marker attribute type.</param>
    /// <param name="builder">The provider's builder.</param>
    public static void AddRegisteredClients(Type marker, ClientProviderBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(marker);
        ArgumentNullException.ThrowIfNull(builder);
        Action<ClientProviderBuilder>[] registrations;
        lock (Gate)
        {
            registrations = Registrations.TryGetValue(marker, out var list) ? list.ToArray() : [];
        }

        foreach (var addClients in registrations)
        {
            addClients(builder);
        }
    }
}

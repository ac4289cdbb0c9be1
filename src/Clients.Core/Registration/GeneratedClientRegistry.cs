using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Clients.Core;

/// <summary>
/// Where the code generated in a consumer's assembly hands over the consumer's own marked interfaces, so that the
/// provider package's <c>Add{Provider}Clients</c> registers them too, and the assembly's source-generated JSON
/// contracts (its <c>JsonSerializerContext</c>s), so that every provider's serializer describes the consumer's types
/// without reflection (trimmed and native AOT apps). Used by generated code only.
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
    private static IJsonTypeInfoResolver[] _contracts = [];

    /// <summary>
    /// The source-generated contracts registered with <see cref="RegisterContracts"/>, as one resolver (in registration
    /// order; a type none of them describes resolves to <see langword="null"/>). Every provider's serializer consults it
    /// after the provider's own generated contracts.
    /// </summary>
    internal static IJsonTypeInfoResolver Contracts { get; } = new RegisteredContracts();

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

    /// <summary>
    /// Records an assembly's source-generated JSON contracts (a <c>JsonSerializerContext</c>), so the serializers of
    /// every provider describe the types of that assembly's own interfaces with them. Registering the same instance
    /// twice registers it once.
    /// </summary>
    /// <param name="contracts">The assembly's generated context (its <c>Default</c> instance).</param>
    public static void RegisterContracts(IJsonTypeInfoResolver contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        lock (Gate)
        {
            if (Array.IndexOf(_contracts, contracts) < 0)
            {
                Volatile.Write(ref _contracts, [.. _contracts, contracts]);
            }
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

    // Reads the registrations at each lookup (an array replaced, never changed), so a serializer built before an
    // assembly registered still sees its contracts; JsonSerializerOptions caches what it resolves.
    private sealed class RegisteredContracts : IJsonTypeInfoResolver
    {
        public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options)
        {
            foreach (var contracts in Volatile.Read(ref _contracts))
            {
                if (contracts.GetTypeInfo(type, options) is { } info)
                {
                    return info;
                }
            }

            return null;
        }
    }
}

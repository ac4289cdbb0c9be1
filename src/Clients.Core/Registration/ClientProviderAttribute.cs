namespace Clients.Core;

/// <summary>
/// Declares that an attribute class marks interfaces as clients of one provider.
/// The source generator looks for interfaces carrying an attribute whose class carries this one,
/// so a new provider needs only its own marker attribute and its registration hook.
/// </summary>
/// <remarks>
/// The <see cref="Registration"/> type must be a public static class exposing the provider's
/// <see cref="ClientProviderRegistration{TOptions}"/> as <c>public static ClientProviderRegistration&lt;TOptions&gt; Registration { get; }</c>
/// (built with <see cref="OAuth2ProviderRegistration"/>.<c>Create</c> for an OAuth2 bearer-token provider); the generated
/// <c>Add{Name}Clients</c> methods call its <c>Add</c> methods.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ClientProviderAttribute : Attribute
{
    /// <summary>Creates the declaration.</summary>
    /// <param name="name">The provider's name, used in generated method names (<c>Add{Name}Clients</c>).</param>
    /// <param name="registration">The provider's static registration hook class.</param>
    /// <param name="options">The provider's options type, accepted by the <c>Action&lt;TOptions&gt;</c> overload.</param>
    public ClientProviderAttribute(string name, Type registration, Type options)
    {
        Name = name;
        Registration = registration;
        Options = options;
    }

    /// <summary>The provider's name.</summary>
    public string Name { get; }

    /// <summary>The provider's static registration hook class.</summary>
    public Type Registration { get; }

    /// <summary>The provider's options type.</summary>
    public Type Options { get; }

    /// <summary>
    /// Optional: a public static class with a method <c>Register(Type api, string method, string httpMethod, string path)</c>.
    /// When set, the generator emits an access-rule manifest: for each Refit method of each marked interface, its verb
    /// and its path with path parameters as <c>*</c> and without query string (OVH's least-privilege rules).
    /// </summary>
    public Type? AccessRules { get; set; }
}

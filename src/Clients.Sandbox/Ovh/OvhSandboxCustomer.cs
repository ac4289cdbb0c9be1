namespace Clients.Sandbox.Ovh;

/// <summary>
/// A customer account of the OVH emulator: the person who logs in on the validation page to accept
/// a consumer key, and whose data <c>GET /me</c> returns for that key.
/// </summary>
public sealed class OvhSandboxCustomer
{
    /// <summary>Creates a customer.</summary>
    /// <param name="nichandle">The OVH account identifier (e.g. <c>xx1234-ovh</c>); also accepted as login.</param>
    /// <param name="password">The password typed on the validation page.</param>
    public OvhSandboxCustomer(string nichandle, string password)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nichandle);
        ArgumentException.ThrowIfNullOrWhiteSpace(password);
        Nichandle = nichandle;
        Password = password;
        Email = nichandle + "@sandbox.test";
    }

    /// <summary>The account identifier (<c>nichandle</c> in <c>GET /me</c>).</summary>
    public string Nichandle { get; }

    /// <summary>The password (never printed by <see cref="ToString"/>).</summary>
    public string Password { get; }

    /// <summary>The e-mail address; also accepted as login on the validation page.</summary>
    public string Email { get; init; }

    /// <summary>First name returned by <c>GET /me</c>.</summary>
    public string FirstName { get; init; } = "Sandbox";

    /// <summary>Last name returned by <c>GET /me</c>.</summary>
    public string Name { get; init; } = "Customer";

    /// <summary>Country code returned by <c>GET /me</c> (a value of <c>nichandle.CountryEnum</c>).</summary>
    public string Country { get; init; } = "FR";

    /// <summary>Customer code returned by <c>GET /me</c>.</summary>
    public string CustomerCode { get; init; } = "1234-5678-90";

    /// <summary>
    /// The domains (and DNS zones) of this account: when set, <c>GET /domain</c> and <c>GET /domain/zone</c> answer
    /// them for a key this customer accepted, instead of synthesized names. Null: synthesized names.
    /// </summary>
    public IReadOnlyList<string>? Domains { get; init; }

    /// <summary>True when <paramref name="login"/> names this customer (nichandle or e-mail, case-insensitive).</summary>
    /// <param name="login">What the customer typed.</param>
    /// <returns>Whether the login designates this customer.</returns>
    public bool HasLogin(string login) =>
        string.Equals(login, Nichandle, StringComparison.OrdinalIgnoreCase)
        || string.Equals(login, Email, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override string ToString() => $"OvhSandboxCustomer {{ Nichandle = {Nichandle}, Email = {Email} }}";
}

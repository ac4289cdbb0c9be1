namespace Clients.Sandbox.Ovh;

/// <summary>An application registered with the OVH emulator: an application key (AK) and its secret (AS).</summary>
public sealed class OvhSandboxApplication
{
    /// <summary>Creates a registered application.</summary>
    /// <param name="applicationKey">The application key (AK), sent in <c>X-Ovh-Application</c>.</param>
    /// <param name="applicationSecret">The application secret (AS), used only to sign requests.</param>
    /// <param name="name">A display name shown on the validation page.</param>
    public OvhSandboxApplication(string applicationKey, string applicationSecret, string name = "Sandbox application")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(applicationSecret);
        ApplicationKey = applicationKey;
        ApplicationSecret = applicationSecret;
        Name = name;
    }

    /// <summary>The application key (AK).</summary>
    public string ApplicationKey { get; }

    /// <summary>The application secret (AS). Never printed by <see cref="ToString"/>.</summary>
    public string ApplicationSecret { get; }

    /// <summary>The display name shown on the validation page.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public override string ToString() => $"OvhSandboxApplication {{ ApplicationKey = {ApplicationKey}, Name = {Name} }}";
}

namespace Clients.Sandbox.Origami;

/// <summary>Settings of the Origami emulator.</summary>
public sealed class OrigamiSandboxOptions
{
    /// <summary>The accepted client id.</summary>
    public string ClientId { get; set; } = "sandbox-origami-client";

    /// <summary>The accepted client secret.</summary>
    public string ClientSecret { get; set; } = "sandbox-origami-secret-51c8e2";

    /// <summary>The API user's e-mail (the password grant's user name).</summary>
    public string UserName { get; set; } = "api-user@sandbox.origami.test";

    /// <summary>The API user's password.</summary>
    public string Password { get; set; } = "sandbox-origami-password-9b04";

    /// <summary>The user groups the API user belongs to: id → type. Default: operator 1 and seller 42.</summary>
    public Dictionary<string, string> UserGroups { get; set; } = new(StringComparer.Ordinal) { ["1"] = "operator", ["42"] = "seller" };

    /// <summary>The <c>expires_in</c> of access tokens. Default one hour.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The emulator's clock. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Drift mode: answers go beyond the document (enum values it does not list, undeclared properties, optional ones
    /// missing, unexpected nulls), to test that clients survive what a real API adds. Default: none.
    /// </summary>
    public Hosting.SandboxDriftMode Drift { get; set; }
}

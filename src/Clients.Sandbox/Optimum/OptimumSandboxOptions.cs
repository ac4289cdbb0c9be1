namespace Clients.Sandbox.Optimum;

/// <summary>Settings of the Optimum emulator.</summary>
public sealed class OptimumSandboxOptions
{
    /// <summary>The client id the token endpoint accepts.</summary>
    public string ClientId { get; set; } = "sandbox-optimum-client";

    /// <summary>The client secret the token endpoint accepts.</summary>
    public string ClientSecret { get; set; } = "sandbox-optimum-secret-7d1f0b";

    /// <summary>The <c>expires_in</c> of issued tokens. Default one hour.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The emulator's clock (token expiry, rate-limit windows). Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Drift mode: answers go beyond the document (enum values it does not list, undeclared properties, optional ones
    /// missing, unexpected nulls), to test that clients survive what a real API adds. Default: none.
    /// </summary>
    public Hosting.SandboxDriftMode Drift { get; set; }

    /// <summary>The swagger document served at <c>/swagger/v1/swagger.json</c>. Default: the embedded <c>specs/optimum/swagger.json</c>.</summary>
    public byte[]? SwaggerDocument { get; set; }
}

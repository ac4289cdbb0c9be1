namespace Clients.Sandbox.Ovh;

/// <summary>Settings of an <see cref="OvhSandbox"/>.</summary>
public sealed class OvhSandboxOptions
{
    /// <summary>The application key registered when <see cref="Applications"/> is left empty.</summary>
    public const string DefaultApplicationKey = "sbxApplicationK1";

    /// <summary>The application secret registered when <see cref="Applications"/> is left empty.</summary>
    public const string DefaultApplicationSecret = "sbxApplicationSecret000000000001";

    /// <summary>The customer account created when <see cref="Customers"/> is left empty.</summary>
    public const string DefaultCustomerLogin = "sb1234-ovh";

    /// <summary>The password of the default customer.</summary>
    public const string DefaultCustomerPassword = "sandbox-password";

    /// <summary>Registered applications (AK/AS pairs); the first is <see cref="OvhSandbox.ApplicationKey"/>. Empty: one default application.</summary>
    public IList<OvhSandboxApplication> Applications { get; } = [];

    /// <summary>Customer accounts that can log in on the validation page. Empty: one default customer.</summary>
    public IList<OvhSandboxCustomer> Customers { get; } = [];

    /// <summary>Added to <see cref="TimeProvider"/>'s now to give the server's clock (what <c>/auth/time</c> returns).</summary>
    public TimeSpan ClockSkew { get; set; }

    /// <summary>The clock of the emulator (tests pass a fake one). Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// How far a request's <c>X-Ovh-Timestamp</c> may be from the server's clock, either way, before the
    /// request is rejected with <c>QUERY_TIME_OUT</c>. OVH does not document its value; users report failures
    /// from about one minute of drift, hence the default of 60 seconds.
    /// </summary>
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// A directory of OVH documents laid out like the repository's <c>specs/ovh</c> (<c>v1/me.json</c>,
    /// <c>v1/dedicated/server.json</c>, <c>v2/iam.json</c>), optionally with catalogues (<c>v1/index.json</c>) as a
    /// spec server has them. Default (null): the documents embedded in the sandbox assembly, i.e. the universes the
    /// repository generates its clients from; nothing needs to exist beside the program.
    /// </summary>
    public string? SpecDirectory { get; set; }

    /// <summary>
    /// The universes to serve, as the catalogue names them (<c>/me</c>, <c>/dedicated/server</c>; v2 ones as
    /// <c>/iam</c> or <c>/v2/iam</c>). Null: every universe of the catalogues. Documents load lazily either way.
    /// </summary>
    public IList<string>? Universes { get; set; }

    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Where the emulator logs why it rejected a request (error code, the URL it verified the signature
    /// over, body length; never a secret). Default: no logging.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Delay added before answering every request (wall clock, not <see cref="TimeProvider"/>).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>
    /// Drift mode: answers go beyond the document (enum values it does not list, undeclared properties, optional ones
    /// missing, unexpected nulls), to test that clients survive what a real API adds. Default: none.
    /// </summary>
    public Hosting.SandboxDriftMode Drift { get; set; }
}

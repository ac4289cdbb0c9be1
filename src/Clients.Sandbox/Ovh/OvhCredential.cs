namespace Clients.Sandbox.Ovh;

/// <summary>The emulator's record of one consumer key. Mutated under <see cref="Sync"/>.</summary>
internal sealed class OvhCredential
{
    public OvhCredential(
        long credentialId,
        string consumerKey,
        string credentialToken,
        OvhSandboxApplication application,
        long applicationId,
        IReadOnlyList<OvhSandboxAccessRule> rules,
        string? redirection,
        IReadOnlyList<string>? allowedIps,
        DateTimeOffset creation)
    {
        CredentialId = credentialId;
        ConsumerKey = consumerKey;
        CredentialToken = credentialToken;
        Application = application;
        ApplicationId = applicationId;
        Rules = rules;
        Redirection = redirection;
        AllowedIps = allowedIps;
        Creation = creation;
    }

    public object Sync { get; } = new();

    public long CredentialId { get; }

    public string ConsumerKey { get; }

    public string CredentialToken { get; }

    public OvhSandboxApplication Application { get; }

    public long ApplicationId { get; }

    public IReadOnlyList<OvhSandboxAccessRule> Rules { get; }

    public string? Redirection { get; }

    public IReadOnlyList<string>? AllowedIps { get; }

    public DateTimeOffset Creation { get; }

    public OvhSandboxCredentialStatus Status { get; set; } = OvhSandboxCredentialStatus.PendingValidation;

    public DateTimeOffset? Expiration { get; set; }

    public DateTimeOffset? LastUse { get; set; }

    public OvhSandboxCustomer? Customer { get; set; }

    /// <summary>The status at <paramref name="now"/>: a validated key past its expiration becomes expired.</summary>
    public OvhSandboxCredentialStatus StatusAt(DateTimeOffset now)
    {
        lock (Sync)
        {
            if (Status == OvhSandboxCredentialStatus.Validated && Expiration is { } expiration && expiration <= now)
            {
                Status = OvhSandboxCredentialStatus.Expired;
            }

            return Status;
        }
    }

    public override string ToString() => $"OvhCredential {{ CredentialId = {CredentialId}, Status = {Status} }}";
}

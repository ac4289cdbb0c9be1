namespace Clients.Ovh;

/// <summary>How <see cref="OvhCredentialClient.WaitForValidationAsync"/> polls a consumer key's state.</summary>
public sealed class OvhValidationPolling
{
    /// <summary>The first pause. Default 2 seconds.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest pause. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Each pause is the previous one times this factor, up to <see cref="MaxDelay"/>. Default 1.5.</summary>
    public double BackoffFactor { get; init; } = 1.5;

    /// <summary>How long to wait in all before giving up. Default 15 minutes.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(15);
}

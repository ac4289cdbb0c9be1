namespace Clients.Core.Fleet;

/// <summary>Settings of the Redis fleet coordination registered by <c>AddClientsFleetTokens</c>.</summary>
public sealed class FleetTokenOptions
{
    /// <summary>The StackExchange.Redis configuration string, for example <c>127.0.0.1:6379</c>. Required.</summary>
    public string? RedisConfiguration { get; set; }

    /// <summary>
    /// How long the fleet-wide acquisition lock lives if its holder dies; a holder's write after that is refused by the
    /// fencing check. Default 10 s.
    /// </summary>
    public TimeSpan LockExpiry { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a process that lost the lock waits for the winner's token before acquiring on its own. Default 15 s.</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a waiting process reads the shared token. Default 25 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Longest wait for one Redis operation: slower means Redis is treated as unavailable and the process falls back to
    /// its own single-flight acquisition. Default 2 s.
    /// </summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Whether to register ASP.NET Core Data Protection with its key ring in the same Redis (so every process of the fleet
    /// can read the tokens another encrypted). Default <see langword="true"/>; set <see langword="false"/> when the
    /// application already configures a key ring shared by the fleet.
    /// </summary>
    public bool ConfigureDataProtection { get; set; } = true;

    /// <summary>The Data Protection application name (processes with the same name share keys). Default <c>Clients.Fleet</c>.</summary>
    public string ApplicationName { get; set; } = "Clients.Fleet";

    /// <summary>The Redis key of the Data Protection key ring. Default <c>clients:dataprotection-keys</c>.</summary>
    public string DataProtectionKeysKey { get; set; } = "clients:dataprotection-keys";
}

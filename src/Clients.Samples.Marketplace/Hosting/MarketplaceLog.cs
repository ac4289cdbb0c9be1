using Microsoft.Extensions.Logging;

namespace Clients.Samples.Marketplace.Hosting;

/// <summary>The marketplace's log messages. Customer ids, OVH error codes and query ids only: never a key or a secret.</summary>
internal static partial class MarketplaceLog
{
    [LoggerMessage(1, LogLevel.Information, "Marketplace listening on {Url} (data in {DataDirectory})")]
    public static partial void Listening(ILogger logger, string url, string dataDirectory);

    [LoggerMessage(2, LogLevel.Information, "{Provider}: no credentials configured, using the embedded emulator at {BaseUri}")]
    public static partial void EmbeddedProvider(ILogger logger, string provider, Uri baseUri);

    [LoggerMessage(3, LogLevel.Information, "{Provider}: using the configured API")]
    public static partial void ConfiguredProvider(ILogger logger, string provider);

    [LoggerMessage(10, LogLevel.Information, "Customer {CustomerId}: OVHcloud consumer key requested with {RuleCount} access rules; redirecting to the validation page")]
    public static partial void ConnectRequested(ILogger logger, string customerId, int ruleCount);

    [LoggerMessage(11, LogLevel.Information, "Customer {CustomerId}: OVHcloud delegation confirmed (credential {CredentialId}, expires {ExpiresAt})")]
    public static partial void Connected(ILogger logger, string customerId, long? credentialId, DateTimeOffset? expiresAt);

    [LoggerMessage(12, LogLevel.Warning, "Customer {CustomerId}: OVHcloud did not confirm the delegation ({ErrorCode}, query {QueryId}); the request was refused or not completed")]
    public static partial void NotConfirmed(ILogger logger, string customerId, string errorCode, string? queryId);

    [LoggerMessage(13, LogLevel.Information, "Customer {CustomerId}: OVHcloud delegation logged out and forgotten")]
    public static partial void Disconnected(ILogger logger, string customerId);

    [LoggerMessage(14, LogLevel.Warning, "Customer {CustomerId}: OVHcloud refuses the stored consumer key ({ErrorCode}, query {QueryId}); asking the customer to reconnect")]
    public static partial void ReconnectNeeded(ILogger logger, string customerId, string errorCode, string? queryId);

    [LoggerMessage(15, LogLevel.Information, "Customer {CustomerId}: DNS record {RecordId} created in zone {Zone}")]
    public static partial void RecordCreated(ILogger logger, string customerId, long? recordId, string zone);

    [LoggerMessage(16, LogLevel.Warning, "Customer {CustomerId}: OVHcloud answered {StatusCode} {ErrorCode} (query {QueryId})")]
    public static partial void OvhFailed(ILogger logger, string customerId, int statusCode, string errorCode, string? queryId);

    [LoggerMessage(17, LogLevel.Warning, "Customer {CustomerId}: logging out the consumer key failed ({ErrorCode}); forgetting it anyway")]
    public static partial void LogoutFailed(ILogger logger, string customerId, string errorCode);

    [LoggerMessage(20, LogLevel.Information, "Origami page as user group {Context}: {SellerCount} sellers")]
    public static partial void OrigamiPage(ILogger logger, string context, int sellerCount);

    [LoggerMessage(21, LogLevel.Warning, "Origami answered {StatusCode} as user group {Context}")]
    public static partial void OrigamiFailed(ILogger logger, int statusCode, string? context);

    [LoggerMessage(30, LogLevel.Information, "Fleet page: {VehicleCount} vehicles, {OutOfFleet} out of fleet")]
    public static partial void FleetPage(ILogger logger, int vehicleCount, int outOfFleet);

    [LoggerMessage(31, LogLevel.Warning, "Optimum answered {StatusCode}")]
    public static partial void OptimumFailed(ILogger logger, int statusCode);
}

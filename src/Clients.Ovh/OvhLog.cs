using Microsoft.Extensions.Logging;

namespace Clients.Ovh;

/// <summary>The OVH client's log messages. None of them carries a secret (AS, CK, signature, token).</summary>
internal static partial class OvhLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "OVH server time at {Endpoint}: delta {DeltaSeconds} s from the local clock")]
    public static partial void ServerTimeSynchronized(ILogger logger, string endpoint, long deltaSeconds);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "OVH rejected the timestamp of {Method} {Path} ({ErrorCode}); re-synchronising the server time and resending once")]
    public static partial void TimestampRejected(ILogger logger, string method, string path, string? errorCode);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Debug, Message = "Signed OVH request {Method} {Path} at server time {Timestamp}")]
    public static partial void RequestSigned(ILogger logger, string method, string path, long timestamp);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Could not read the OVH server time at {Endpoint}")]
    public static partial void ServerTimeFailed(ILogger logger, string endpoint, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Debug, Message = "Polling OVH credential state: {State}; next check in {Delay}")]
    public static partial void CredentialPending(ILogger logger, OvhCredentialState state, TimeSpan delay);
}

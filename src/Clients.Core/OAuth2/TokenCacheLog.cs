using Microsoft.Extensions.Logging;

namespace Clients.Core.OAuth2;

/// <summary>Log messages of the token cache. None carries a token.</summary>
internal static partial class TokenCacheLog
{
    [LoggerMessage(EventId = 1101, Level = LogLevel.Debug, Message = "{Provider}: acquiring a token for client {ClientId} (renewal: {IsRenewal})")]
    public static partial void Acquiring(ILogger logger, string provider, string clientId, bool isRenewal);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "{Provider}: the API rejected the token of client {ClientId}; it will be renewed")]
    public static partial void Invalidated(ILogger logger, string provider, string clientId);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "{Provider}: background renewal of the token of client {ClientId} failed ({Failure}); the current token stays in use, next attempt in {DelaySeconds} s")]
    public static partial void BackgroundRenewalFailed(ILogger logger, string provider, string clientId, string failure, double delaySeconds);
}

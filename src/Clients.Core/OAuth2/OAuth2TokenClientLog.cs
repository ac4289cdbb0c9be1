using Microsoft.Extensions.Logging;

namespace Clients.Core.OAuth2;

/// <summary>Log messages of the token client. None carries a secret.</summary>
internal static partial class OAuth2TokenClientLog
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "{Provider}: requesting a {GrantType} token from {TokenEndpoint} for client {ClientId} (attempt {Attempt})")]
    public static partial void Requesting(ILogger logger, string provider, string grantType, Uri tokenEndpoint, string clientId, int attempt);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "{Provider}: token received from {TokenEndpoint}, expires in {ExpiresInSeconds} s, refresh token: {HasRefreshToken}")]
    public static partial void Received(ILogger logger, string provider, Uri tokenEndpoint, double expiresInSeconds, bool hasRefreshToken);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "{Provider}: token endpoint {TokenEndpoint} unreachable ({Failure}) on attempt {Attempt}; retrying")]
    public static partial void TransportFailureRetrying(ILogger logger, string provider, Uri tokenEndpoint, string failure, int attempt);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "{Provider}: token endpoint {TokenEndpoint} answered HTTP {Status} on attempt {Attempt}; retrying")]
    public static partial void ServerErrorRetrying(ILogger logger, string provider, Uri tokenEndpoint, int status, int attempt);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "{Provider}: token request to {TokenEndpoint} failed: {Error} (HTTP {Status})")]
    public static partial void Failed(ILogger logger, string provider, Uri tokenEndpoint, string error, int? status);
}

using Microsoft.Extensions.Logging;

namespace Clients.Sandbox.Ovh;

/// <summary>The emulator's log messages. None carries a secret (AS, CK, signature, password).</summary>
internal static partial class OvhSandboxLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "OVH sandbox listening on {BaseUri} (documents: {SpecSource})")]
    public static partial void Started(ILogger logger, Uri baseUri, string specSource);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "OVH sandbox rejected {Method} {Path} with {ErrorCode}: {Detail}")]
    public static partial void Rejected(ILogger logger, string method, string path, string errorCode, string detail);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "OVH sandbox failed on {Method} {Path}")]
    public static partial void Failed(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "OVH sandbox credential {CredentialId} is now {Status}")]
    public static partial void CredentialChanged(ILogger logger, long credentialId, string status);
}

namespace Clients.Ovh;

/// <summary>OVH's known <c>errorCode</c> values, so callers can branch without string matching.</summary>
public enum OvhErrorCode
{
    /// <summary>No error code, or one not listed here (see <see cref="OvhApiException.ErrorCodeText"/>).</summary>
    Unknown = 0,

    /// <summary><c>INVALID_KEY</c>: the application key is unknown.</summary>
    InvalidKey,

    /// <summary><c>INVALID_CREDENTIAL</c>: the consumer key is unknown, refused, expired or logged out.</summary>
    InvalidCredential,

    /// <summary><c>INVALID_SIGNATURE</c>: the signature does not match the request.</summary>
    InvalidSignature,

    /// <summary><c>NOT_GRANTED_CALL</c>: the consumer key's access rules do not allow this call.</summary>
    NotGrantedCall,

    /// <summary><c>NOT_CREDENTIAL</c>: the consumer key is not (yet) a usable credential, for example still pending validation.</summary>
    NotCredential,

    /// <summary><c>FORBIDDEN</c>, or an IAM-style <c>Client::Forbidden</c> class.</summary>
    Forbidden,

    /// <summary><c>QUERY_TIME_OUT</c>: the request's timestamp is too far from the server's clock.</summary>
    QueryTimeOut,
}

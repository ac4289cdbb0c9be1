using System.Net;
using System.Net.Http.Headers;
using Clients.Core;
using Refit;

namespace Clients.Ovh;

/// <summary>
/// An OVH API call answered with an error: the typed <see cref="ErrorCode"/>, OVH's <see cref="HttpCode"/>,
/// <see cref="OvhMessage"/>, IAM <see cref="Class"/> and the <see cref="QueryId"/> to give OVH support.
/// </summary>
/// <remarks>
/// Derives from Refit's <see cref="ApiException"/>, so existing <c>catch (ApiException)</c> code still works. The
/// consumer key and signature headers are removed from <see cref="ApiExceptionBase.RequestMessage"/>; the message never
/// contains secrets.
/// </remarks>
public sealed class OvhApiException : ClientApiException
{
    /// <summary>The name of OVH's query id header.</summary>
    public const string QueryIdHeader = "X-Ovh-Queryid";

    internal OvhApiException(
        string exceptionMessage,
        HttpRequestMessage request,
        HttpResponseMessage response,
        string? content,
        OvhError? error,
        string? queryId,
        RefitSettings settings)
        : base(exceptionMessage, request, response, content, settings)
    {
        ErrorCodeText = error?.ErrorCode;
        ErrorCode = error?.Code ?? OvhErrorCode.Unknown;
        HttpCode = error?.HttpCode;
        OvhMessage = error?.Message;
        Class = error?.Class;
        QueryId = queryId;
    }

    /// <summary>The known error code, or <see cref="OvhErrorCode.Unknown"/> (see <see cref="ErrorCodeText"/>).</summary>
    public OvhErrorCode ErrorCode { get; }

    /// <summary>OVH's <c>errorCode</c> as sent, for example <c>NOT_GRANTED_CALL</c>; <c>null</c> when absent.</summary>
    public string? ErrorCodeText { get; }

    /// <summary>OVH's <c>httpCode</c>, for example <c>403 Forbidden</c>.</summary>
    public string? HttpCode { get; }

    /// <summary>OVH's <c>message</c>.</summary>
    public string? OvhMessage { get; }

    /// <summary>The IAM-style error <c>class</c>, for example <c>Client::Forbidden</c>.</summary>
    public string? Class { get; }

    /// <summary>The <c>X-Ovh-Queryid</c> response header: quote it to OVH support.</summary>
    public string? QueryId { get; }

    /// <summary>The consumer key's access rules do not allow this call.</summary>
    public bool IsNotGranted => ErrorCode == OvhErrorCode.NotGrantedCall;

    /// <summary>The consumer key is unknown, refused, expired or logged out: ask the customer for a new one.</summary>
    public bool IsInvalidCredential => ErrorCode is OvhErrorCode.InvalidCredential or OvhErrorCode.NotCredential;

    /// <summary>The resource does not exist (404).</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;
}

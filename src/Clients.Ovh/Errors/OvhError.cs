using System.Text.Json;

namespace Clients.Ovh;

/// <summary>The fields of an OVH error body, classic (<c>errorCode</c>, <c>httpCode</c>) or IAM-style (<c>class</c>).</summary>
internal sealed record OvhError(string? ErrorCode, string? HttpCode, string? Message, string? Class)
{
    public OvhErrorCode Code => Map(ErrorCode, Class);

    public static OvhError? TryParse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            string? errorCode = null, httpCode = null, message = null, @class = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }

                switch (name)
                {
                    case "errorCode": errorCode = value; break;
                    case "httpCode": httpCode = value; break;
                    case "message": message = value; break;
                    case "class": @class = value; break;
                }
            }

            return errorCode is null && httpCode is null && message is null && @class is null
                ? null
                : new OvhError(errorCode, httpCode, message, @class);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static OvhErrorCode Map(string? errorCode, string? @class) => errorCode switch
    {
        "INVALID_KEY" => OvhErrorCode.InvalidKey,
        "INVALID_CREDENTIAL" => OvhErrorCode.InvalidCredential,
        "INVALID_SIGNATURE" => OvhErrorCode.InvalidSignature,
        "NOT_GRANTED_CALL" => OvhErrorCode.NotGrantedCall,
        "NOT_CREDENTIAL" => OvhErrorCode.NotCredential,
        "FORBIDDEN" => OvhErrorCode.Forbidden,
        "QUERY_TIME_OUT" => OvhErrorCode.QueryTimeOut,
        null when @class is "Client::Forbidden" => OvhErrorCode.Forbidden,
        _ => OvhErrorCode.Unknown,
    };

    /// <summary>Whether the server rejected the request for its timestamp (so a re-synchronised clock may fix it).</summary>
    public bool IsTimestampRejection =>
        Code == OvhErrorCode.QueryTimeOut
        || (Code == OvhErrorCode.InvalidSignature && Message is not null
            && (Message.Contains("timestamp", StringComparison.OrdinalIgnoreCase) || Message.Contains("time out", StringComparison.OrdinalIgnoreCase)));
}

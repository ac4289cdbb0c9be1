using System.Globalization;
using System.Text;
using System.Text.Json;
using Clients.Core;
using Refit;

namespace Clients.Origami;

/// <summary>An Origami API call failed: <see cref="OrigamiStatusCode"/> (the body's <c>status_code</c>) and every <c>errors[]</c> entry.</summary>
public sealed class OrigamiApiException : ClientApiException
{
    private OrigamiApiException(string message, HttpRequestMessage request, HttpResponseMessage response, string? content, RefitSettings settings, int? statusCode, IReadOnlyList<OrigamiErrorItem> errors, string? userGroup)
        : base(message, request, response, content, settings)
    {
        OrigamiStatusCode = statusCode ?? (int)response.StatusCode;
        Errors = errors;
        Context = userGroup;
    }

    /// <summary>The body's <c>status_code</c> (the HTTP status when the body has none).</summary>
    public int OrigamiStatusCode { get; }

    /// <summary>Every entry of the body's <c>errors</c> array (empty when the body was not Origami's error format).</summary>
    public IReadOnlyList<OrigamiErrorItem> Errors { get; }

    /// <summary>The <c>context</c> (user group) the failed request acted as.</summary>
    public string? Context { get; }

    /// <summary>Builds the exception from a failed response (Refit's <see cref="RefitSettings.ExceptionFactory"/>).</summary>
    /// <param name="response">The response.</param>
    /// <param name="settings">The Refit settings.</param>
    /// <returns>The exception, or <see langword="null"/> for a success.</returns>
    public static async Task<Exception?> CreateAsync(HttpResponseMessage response, RefitSettings settings)
    {
        if (await FailedResponse.ReadAsync(response).ConfigureAwait(false) is not { } failure)
        {
            return null;
        }

        var (request, content) = (failure.Request, failure.Content);
        var (statusCode, errors) = Parse(content);
        var userGroup = request.Headers.TryGetValues(OrigamiContext.HeaderName, out var values) ? values.FirstOrDefault() : null;
        var message = new StringBuilder()
            .Append("Origami API ").Append(request.Method).Append(' ').Append(request.RequestUri?.AbsolutePath)
            .Append(" as context ").Append(userGroup ?? "(none)")
            .Append(" failed with HTTP ").Append((int)response.StatusCode).Append(failure.HtmlPageNote);
        foreach (var error in errors)
        {
            message.Append("; ").Append(error.Code ?? "?").Append(": ").Append(error.Detail);
        }

        return new OrigamiApiException(message.Append('.').ToString(), request, response, content, settings, statusCode, errors, userGroup);
    }

    private static (int? StatusCode, IReadOnlyList<OrigamiErrorItem> Errors) Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return (null, []);
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, []);
            }

            int? statusCode = root.TryGetProperty("status_code", out var s) ? ReadInt(s) : null;
            var errors = new List<OrigamiErrorItem>();
            if (root.TryGetProperty("errors", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in array.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        errors.Add(new OrigamiErrorItem(
                            item.TryGetProperty("status", out var st) ? ReadInt(st) : null,
                            item.TryGetProperty("code", out var code) ? ReadText(code) : null,
                            item.TryGetProperty("detail", out var detail) ? ReadText(detail) : null));
                    }
                }
            }

            return (statusCode, errors);
        }
        catch (JsonException)
        {
            return (null, []);
        }
    }

    private static int? ReadInt(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static string? ReadText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}

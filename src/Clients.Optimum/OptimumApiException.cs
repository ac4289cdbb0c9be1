using System.Net;
using System.Text.Json;
using Clients.Core;
using Refit;

namespace Clients.Optimum;

/// <summary>
/// An Optimum API call failed: the HTTP status, the problem details Optimum (an ASP.NET Core API) sends when it sends
/// them, and the raw body otherwise.
/// </summary>
public sealed class OptimumApiException : ClientApiException
{
    private OptimumApiException(string message, HttpRequestMessage request, HttpResponseMessage response, string? content, RefitSettings settings, OptimumProblemDetails? problem)
        : base(message, request, response, content, settings)
    {
        Problem = problem;
    }

    /// <summary>The problem details of the response, if its body was one.</summary>
    public OptimumProblemDetails? Problem { get; }

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
        var problem = TryParseProblem(content);
        var code = (int)response.StatusCode;
        var message = $"Optimum API {request.Method} {request.RequestUri?.AbsolutePath} failed with HTTP {code} ({response.StatusCode})" + failure.HtmlPageNote
            + (problem?.Title is { Length: > 0 } title ? $": {title}" : string.Empty)
            + (problem?.Detail is { Length: > 0 } detail ? $" - {detail}" : string.Empty)
            + (response.StatusCode == HttpStatusCode.Unauthorized ? " (the token was refused twice; check the client's rights)" : string.Empty)
            + ".";
        return new OptimumApiException(message, request, response, content, settings, problem);
    }

    private static OptimumProblemDetails? TryParseProblem(string? content)
    {
        if (string.IsNullOrWhiteSpace(content) || content.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (!root.TryGetProperty("title", out _) && !root.TryGetProperty("detail", out _) && !root.TryGetProperty("type", out _))
            {
                return null;
            }

            return new OptimumProblemDetails(
                Read(root, "type"),
                Read(root, "title"),
                root.TryGetProperty("status", out var s) && s.TryGetInt32(out var status) ? status : null,
                Read(root, "detail"),
                Read(root, "instance"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Read(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using System.Net;
using Refit;

namespace Clients.Core;

/// <summary>
/// A call to a provider of your own failed (the default error of <see cref="ClientProviderRegistration"/>'s builders):
/// the provider, the method, the path and the status in the message, the body in <see cref="ApiException.Content"/>.
/// </summary>
public sealed class ClientProviderApiException : ClientApiException
{
    private ClientProviderApiException(string providerName, string message, HttpRequestMessage request, HttpResponseMessage response, string? content, RefitSettings settings)
        : base(message, request, response, content, settings)
    {
        ProviderName = providerName;
    }

    /// <summary>The provider's name.</summary>
    public string ProviderName { get; }

    /// <summary>Turns a failed response into the exception; <see langword="null"/> for a successful one.</summary>
    /// <param name="providerName">The provider's name.</param>
    /// <param name="response">The response.</param>
    /// <param name="settings">The provider's Refit settings.</param>
    /// <returns>The exception, or <see langword="null"/>.</returns>
    public static async ValueTask<Exception?> CreateAsync(string providerName, HttpResponseMessage response, RefitSettings settings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(providerName);
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(settings);
        if (await FailedResponse.ReadAsync(response).ConfigureAwait(false) is not { } failure)
        {
            return null;
        }

        var code = (int)response.StatusCode;
        var message = $"{providerName} API {failure.Request.Method} {failure.Request.RequestUri?.AbsolutePath} failed with HTTP {code} ({response.StatusCode})"
            + (response.StatusCode == HttpStatusCode.Unauthorized ? " (the credentials were refused; check the provider's settings)" : string.Empty)
            + ".";
        return new ClientProviderApiException(providerName, message, failure.Request, response, failure.Content, settings);
    }
}

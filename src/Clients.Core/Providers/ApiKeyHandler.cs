using Microsoft.Extensions.Options;

namespace Clients.Core;

/// <summary>
/// Sends a provider's API key (<see cref="ApiKeyProviderOptions.ApiKey"/>, read from the options on every request so a
/// rotated key is used at once) in a header or a query parameter. The innermost handler of the provider's clients.
/// </summary>
/// <typeparam name="TOptions">The provider's options.</typeparam>
internal sealed class ApiKeyHandler<TOptions>(IOptionsMonitor<TOptions> options, string? header, string? query) : DelegatingHandler
    where TOptions : ApiKeyProviderOptions
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = options.CurrentValue.ApiKey;
        if (header is not null)
        {
            request.Headers.Remove(header);
            request.Headers.TryAddWithoutValidation(header, key);
        }
        else if (query is not null && request.RequestUri is { } uri)
        {
            var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
            request.RequestUri = new Uri(uri.GetLeftPart(UriPartial.Path) + uri.Query + separator + Uri.EscapeDataString(query) + "=" + Uri.EscapeDataString(key ?? string.Empty) + uri.Fragment);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

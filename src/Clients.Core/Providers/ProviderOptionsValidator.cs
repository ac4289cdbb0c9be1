using Clients.Core.OAuth2;
using Microsoft.Extensions.Options;

namespace Clients.Core;

/// <summary>
/// Validates, at start, the options of a provider registered with <see cref="ClientProviderRegistration"/>'s builders
/// that are not OAuth2: <see cref="ClientProviderOptions.BaseUrl"/> and, for an API key, the key. Messages name the
/// setting by its configuration path and never show a value.
/// </summary>
/// <typeparam name="TOptions">The provider's options.</typeparam>
internal sealed class ProviderOptionsValidator<TOptions>(string sectionPath) : IValidateOptions<TOptions>
    where TOptions : ClientProviderOptions
{
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!ProviderUrls.IsHttpUrl(options.BaseUrl))
        {
            failures.Add(options.BaseUrl is null
                ? $"{sectionPath}:BaseUrl is missing: set the base URL of the provider's API."
                : $"{sectionPath}:BaseUrl must be an absolute http(s) URL.");
        }

        if (options is ApiKeyProviderOptions { ApiKey: var key } && string.IsNullOrWhiteSpace(key))
        {
            failures.Add($"{sectionPath}:ApiKey is missing: set the API key the provider issued.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

using Microsoft.Extensions.Options;

namespace Clients.Optimum;

/// <summary>Validates <see cref="OptimumOptions"/> at start; each message names the setting by its configuration path.</summary>
internal sealed class OptimumOptionsValidator(string sectionPath) : IValidateOptions<OptimumOptions>
{
    public ValidateOptionsResult Validate(string? name, OptimumOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{sectionPath}:ClientId is missing: set the OAuth2 client id Optimum issued.");
        }

        if (string.IsNullOrEmpty(options.ClientSecret))
        {
            failures.Add($"{sectionPath}:ClientSecret is missing: set the OAuth2 client secret Optimum issued.");
        }

        if (options.Environment is { } environment && !Enum.IsDefined(environment))
        {
            failures.Add($"{sectionPath}:Environment must be Production or PreProduction.");
        }

        CheckUrl(failures, options.ApiBaseUrl, options.ResolveApiBaseUrl(), "ApiBaseUrl");
        CheckUrl(failures, options.TokenUrl, options.ResolveTokenUrl(), "TokenUrl");
        if (options.TokenExpiryBuffer < TimeSpan.Zero)
        {
            failures.Add($"{sectionPath}:TokenExpiryBuffer must not be negative.");
        }

        if (options.TokenRequestRetries is < 0 or > 10)
        {
            failures.Add($"{sectionPath}:TokenRequestRetries must be between 0 and 10.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void CheckUrl(List<string> failures, Uri? explicitUrl, Uri? resolved, string setting)
    {
        if (resolved is null)
        {
            failures.Add($"{sectionPath}:{setting} is missing: set {sectionPath}:Environment (Production or PreProduction) or {sectionPath}:{setting}.");
        }
        else if (explicitUrl is not null && (!explicitUrl.IsAbsoluteUri || (explicitUrl.Scheme != Uri.UriSchemeHttps && explicitUrl.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{sectionPath}:{setting} must be an absolute http(s) URL.");
        }
    }
}

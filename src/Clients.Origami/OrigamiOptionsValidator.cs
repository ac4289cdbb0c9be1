using Microsoft.Extensions.Options;

namespace Clients.Origami;

/// <summary>Validates <see cref="OrigamiOptions"/> at start; each message names the setting by its configuration path.</summary>
internal sealed class OrigamiOptionsValidator(string sectionPath) : IValidateOptions<OrigamiOptions>
{
    public ValidateOptionsResult Validate(string? name, OrigamiOptions options)
    {
        var failures = new List<string>();
        if (options.ApiUrl is null)
        {
            failures.Add($"{sectionPath}:ApiUrl is missing: set your marketplace's API URL (without /v1).");
        }
        else if (!options.ApiUrl.IsAbsoluteUri || (options.ApiUrl.Scheme != Uri.UriSchemeHttps && options.ApiUrl.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{sectionPath}:ApiUrl must be an absolute http(s) URL.");
        }

        Require(failures, options.ClientId, "ClientId", "the OAuth2 client id");
        Require(failures, options.ClientSecret, "ClientSecret", "the OAuth2 client secret");
        Require(failures, options.UserName, "UserName", "the API user's e-mail");
        Require(failures, options.Password, "Password", "the API user's password");
        Require(failures, options.DefaultContext, "DefaultContext", "the default user group id (1 for the operator)");
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

    private void Require(List<string> failures, string? value, string setting, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{sectionPath}:{setting} is missing: set {what}.");
        }
    }
}

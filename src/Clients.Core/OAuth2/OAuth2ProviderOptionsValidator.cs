using Microsoft.Extensions.Options;

namespace Clients.Core.OAuth2;

/// <summary>
/// Validates, at start, the settings every OAuth2 provider has (<see cref="OAuth2ProviderOptions"/>) and then the
/// provider's own; each message names the setting by its configuration path (<c>Providers:Optimum:ClientId</c>) and
/// never shows a value.
/// </summary>
/// <typeparam name="TOptions">The provider's options.</typeparam>
public abstract class OAuth2ProviderOptionsValidator<TOptions> : IValidateOptions<TOptions>
    where TOptions : OAuth2ProviderOptions
{
    /// <summary>Creates the validator.</summary>
    /// <param name="sectionPath">The configuration path of the provider's section, used in messages.</param>
    protected OAuth2ProviderOptionsValidator(string sectionPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionPath);
        SectionPath = sectionPath;
    }

    /// <summary>The configuration path of the provider's section.</summary>
    protected string SectionPath { get; }

    /// <summary>What to set when no token endpoint results from the settings. Default: <c>{section}:TokenUrl</c>.</summary>
    protected virtual string TokenUrlHint => $"set {SectionPath}:TokenUrl.";

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        ValidateProvider(options, failures);
        Require(failures, options.ClientId, nameof(OAuth2ProviderOptions.ClientId), "the OAuth2 client id");
        Require(failures, options.ClientSecret, nameof(OAuth2ProviderOptions.ClientSecret), "the OAuth2 client secret");
        CheckUrl(failures, options.TokenUrl, options.ResolveTokenUrl(), nameof(OAuth2ProviderOptions.TokenUrl), TokenUrlHint);
        if (!Enum.IsDefined(options.ClientAuthentication))
        {
            failures.Add($"{SectionPath}:ClientAuthentication must be one of {string.Join(", ", Enum.GetNames<OAuth2ClientAuthentication>())}.");
        }

        if (!Enum.IsDefined(options.TokenRequestFormat))
        {
            failures.Add($"{SectionPath}:TokenRequestFormat must be one of {string.Join(", ", Enum.GetNames<OAuth2RequestFormat>())}.");
        }

        if (options.TokenExpiryBuffer < TimeSpan.Zero)
        {
            failures.Add($"{SectionPath}:TokenExpiryBuffer must not be negative.");
        }

        if (options.TokenRequestRetries is < 0 or > 10)
        {
            failures.Add($"{SectionPath}:TokenRequestRetries must be between 0 and 10.");
        }

        if (options.TokenRequestRetryDelay < TimeSpan.Zero)
        {
            failures.Add($"{SectionPath}:TokenRequestRetryDelay must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Validates the provider's own settings (where its API is, its user…), adding one message per failure.</summary>
    /// <param name="options">The options.</param>
    /// <param name="failures">The messages so far.</param>
    protected abstract void ValidateProvider(TOptions options, List<string> failures);

    /// <summary>Adds <c>{section}:{setting} is missing: set {what}.</c> when <paramref name="value"/> is empty.</summary>
    /// <param name="failures">The messages so far.</param>
    /// <param name="value">The setting's value (never shown).</param>
    /// <param name="setting">The setting's name.</param>
    /// <param name="what">What to set, in words.</param>
    protected void Require(List<string> failures, string? value, string setting, string what)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{SectionPath}:{setting} is missing: set {what}.");
        }
    }

    /// <summary>
    /// Checks a URL setting: one must result (<paramref name="resolved"/>, else <c>is missing: {hint}</c>), and one
    /// set explicitly must be an absolute http(s) URL.
    /// </summary>
    /// <param name="failures">The messages so far.</param>
    /// <param name="explicitUrl">The URL as set, if it was.</param>
    /// <param name="resolved">The URL in effect.</param>
    /// <param name="setting">The setting's name.</param>
    /// <param name="hint">What to set when no URL results.</param>
    protected void CheckUrl(List<string> failures, Uri? explicitUrl, Uri? resolved, string setting, string hint)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (explicitUrl is not null && (!explicitUrl.IsAbsoluteUri || (explicitUrl.Scheme != Uri.UriSchemeHttps && explicitUrl.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{SectionPath}:{setting} must be an absolute http(s) URL.");
        }
        else if (resolved is null)
        {
            failures.Add($"{SectionPath}:{setting} is missing: {hint}");
        }
    }
}

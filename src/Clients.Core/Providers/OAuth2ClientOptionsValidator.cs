using Clients.Core.OAuth2;

namespace Clients.Core;

/// <summary>
/// Validates the options of a provider registered with <see cref="ClientProviderRegistration.OAuth2ClientCredentials"/>
/// or <see cref="ClientProviderRegistration.OAuth2Password"/>: every OAuth2 setting, the base URL, the token endpoint
/// (required: there is no default) and, for the password grant, the user.
/// </summary>
/// <typeparam name="TOptions">The provider's options.</typeparam>
internal sealed class OAuth2ClientOptionsValidator<TOptions>(string sectionPath) : OAuth2ProviderOptionsValidator<TOptions>(sectionPath)
    where TOptions : OAuth2ClientOptions
{
    protected override string TokenUrlHint => $"set {SectionPath}:TokenUrl (the provider's token endpoint).";

    protected override void ValidateProvider(TOptions options, List<string> failures)
    {
        CheckUrl(failures, options.BaseUrl, options.BaseUrl, nameof(OAuth2ClientOptions.BaseUrl), $"set {SectionPath}:BaseUrl (the base URL of the provider's API).");
        if (options is OAuth2PasswordOptions password)
        {
            Require(failures, password.UserName, nameof(OAuth2PasswordOptions.UserName), "the user the tokens act as");
            Require(failures, password.Password, nameof(OAuth2PasswordOptions.Password), "the user's password");
        }
    }
}

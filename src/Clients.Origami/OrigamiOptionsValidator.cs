using Clients.Core.OAuth2;

namespace Clients.Origami;

/// <summary>Validates <see cref="OrigamiOptions"/> at start; each message names the setting by its configuration path.</summary>
internal sealed class OrigamiOptionsValidator(string sectionPath) : OAuth2ProviderOptionsValidator<OrigamiOptions>(sectionPath)
{
    protected override string TokenUrlHint => $"set {SectionPath}:ApiUrl (tokens go to {{ApiUrl}}/oauth/token) or {SectionPath}:TokenUrl.";

    protected override void ValidateProvider(OrigamiOptions options, List<string> failures)
    {
        CheckUrl(failures, options.ApiUrl, options.ApiUrl, "ApiUrl", "set your marketplace's API URL (without /v1).");
        Require(failures, options.UserName, "UserName", "the API user's e-mail");
        Require(failures, options.Password, "Password", "the API user's password");
        Require(failures, options.DefaultContext, "DefaultContext", "the default user group id (1 for the operator)");
    }
}

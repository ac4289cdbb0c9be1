using Clients.Core.OAuth2;

namespace Clients.Optimum;

/// <summary>Validates <see cref="OptimumOptions"/> at start; each message names the setting by its configuration path.</summary>
internal sealed class OptimumOptionsValidator(string sectionPath) : OAuth2ProviderOptionsValidator<OptimumOptions>(sectionPath)
{
    protected override string TokenUrlHint => EnvironmentOr("TokenUrl");

    protected override void ValidateProvider(OptimumOptions options, List<string> failures)
    {
        if (options.Environment is { } environment && !Enum.IsDefined(environment))
        {
            failures.Add($"{SectionPath}:Environment must be Production or PreProduction.");
        }

        CheckUrl(failures, options.ApiBaseUrl, options.ResolveApiBaseUrl(), "ApiBaseUrl", EnvironmentOr("ApiBaseUrl"));
    }

    private string EnvironmentOr(string setting) =>
        $"set {SectionPath}:Environment (Production or PreProduction) or {SectionPath}:{setting}.";
}

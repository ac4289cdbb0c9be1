using Microsoft.Extensions.Options;

namespace Clients.Ovh;

/// <summary>Checks <see cref="OvhOptions"/> at start; every message names the setting (<c>Ovh:ApplicationKey</c> ...).</summary>
internal sealed class OvhOptionsValidator(string sectionPath) : IValidateOptions<OvhOptions>
{
    public string SectionPath { get; } = sectionPath;

    public ValidateOptionsResult Validate(string? name, OvhOptions options)
    {
        var failures = new List<string>();
        var p = SectionPath;
        var regions = string.Join(", ", OvhRegion.All.Keys);
        OvhRegion? region = null;

        if (options.BaseUrl is null && string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add($"{p}:Endpoint or {p}:BaseUrl is required (regions: {regions}).");
        }
        else if (options.BaseUrl is not null && !string.IsNullOrWhiteSpace(options.Endpoint))
        {
            failures.Add($"Set {p}:Endpoint or {p}:BaseUrl, not both.");
        }
        else if (options.BaseUrl is { } baseUrl)
        {
            if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{p}:BaseUrl must be an absolute http or https URL (for example https://eu.api.ovh.com/1.0).");
            }
        }
        else if (!OvhRegion.All.TryGetValue(options.Endpoint!, out region))
        {
            failures.Add($"{p}:Endpoint '{options.Endpoint}' is not an OVH region; use one of: {regions}.");
        }

        var oauth = !string.IsNullOrWhiteSpace(options.ClientId) || !string.IsNullOrWhiteSpace(options.ClientSecret);
        if (oauth)
        {
            if (!string.IsNullOrWhiteSpace(options.ApplicationKey) || !string.IsNullOrWhiteSpace(options.ApplicationSecret))
            {
                failures.Add($"Set either {p}:ApplicationKey and {p}:ApplicationSecret (signed requests) or {p}:ClientId and {p}:ClientSecret (OAuth2 service account), not both.");
            }

            if (string.IsNullOrWhiteSpace(options.ClientId))
            {
                failures.Add($"{p}:ClientId is required with {p}:ClientSecret.");
            }

            if (string.IsNullOrWhiteSpace(options.ClientSecret))
            {
                failures.Add($"{p}:ClientSecret is required with {p}:ClientId.");
            }

            if (region is { TokenUrl: null } && options.TokenUrl is null)
            {
                failures.Add($"{p}:Endpoint '{region.Name}' does not support OAuth2 service accounts ({p}:ClientId); only ovh-eu, ovh-ca and ovh-us do. Use {p}:ApplicationKey and {p}:ApplicationSecret.");
            }

            if (options.BaseUrl is not null && options.TokenUrl is null)
            {
                failures.Add($"{p}:TokenUrl is required with {p}:BaseUrl and {p}:ClientId.");
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.ApplicationKey))
            {
                failures.Add($"{p}:ApplicationKey is required (or {p}:ClientId and {p}:ClientSecret for an OAuth2 service account).");
            }

            if (string.IsNullOrWhiteSpace(options.ApplicationSecret))
            {
                failures.Add($"{p}:ApplicationSecret is required.");
            }
        }

        if (options.TimeSyncTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{p}:TimeSyncTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
